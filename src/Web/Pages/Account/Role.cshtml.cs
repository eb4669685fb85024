using Corrections.Web.Infrastructure.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corrections.Web.Pages.Account;

/// <summary>The role switcher: remembers which of their roles the person works in now.</summary>
public sealed class RoleModel(UiContext ui) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(string? key, CancellationToken ct)
    {
        await ui.LoadAsync(ct);
        // Only a role the person holds is kept; anything else leaves the choice as it was.
        if (ui.Roles.Any(r => r.Key == key))
            Response.Cookies.Append(UiContext.CookieName, key!, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, IsEssential = true });
        return LocalRedirect("/");
    }
}
