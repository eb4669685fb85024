using Corrections.Documents.Text;
using Corrections.Web.Features.Auth;
using Corrections.Workflows.Access;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Pages;

/// <summary>The signed-in home page: who you are and which roles you hold in which school.</summary>
public sealed class IndexModel(CorrectionsDbContext db, AccessScopeHolder scope) : PageModel
{
    public string FullName { get; private set; } = "";
    public IReadOnlyList<GetMe.RoleDto> Roles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var current = scope.Current;
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == current.UserId, ct);
        FullName = PersonName.Full(user.Surname, user.GivenName, user.Patronymic);
        Roles = await GetMe.Describe(db, current.Assignments, ct);
    }
}
