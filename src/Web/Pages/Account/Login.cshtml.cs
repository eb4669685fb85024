using Corrections.Web.Demo;
using Corrections.Workflows.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Corrections.Web.Pages.Account;

/// <summary>Sign-in with email and password; repeated failures lock the account for a while.</summary>
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IStringLocalizer<SharedResource> t, IOptions<DemoOptions> demo) : PageModel
{
    /// <summary>In demo mode the page lists the demo logins, so a first visitor can try every role.</summary>
    public IReadOnlyList<DemoAccount> DemoAccounts => demo.Value.Enabled ? DemoSeeder.Accounts : [];

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email)) ModelState.AddModelError(nameof(Email), t["Validation.Required"]);
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), t["Validation.Required"]);
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Email!.Trim());
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        Error = result.IsLockedOut ? t["Login.Locked"] : t["Login.Failed"];
        Password = null;
        return Page();
    }
}
