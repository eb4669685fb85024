using Corrections.Web.Features.Requests;
using Corrections.Workflows.Access;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Infrastructure.Ui;

/// <summary>One role a person holds, where: a choice of the role switcher.</summary>
public sealed record RoleChoice(string Key, Role Role, Guid? SchoolId, Guid? MunicipalityId, string Place, IReadOnlyList<Guid> SchoolIds);

public sealed record MenuItem(string Page, string TitleKey, int? Count = null);

/// <summary>
/// What the pages need to know of the signed-in person: the roles they hold, the one they work in
/// now (chosen with the switcher, kept in a cookie), its schools and its menu with task counts.
/// The role switcher only chooses what the pages show; what a person may do is still decided by
/// the API and the engine from all their roles.
/// </summary>
public sealed class UiContext(CorrectionsDbContext db, AccessScopeHolder holder, IHttpContextAccessor http)
{
    public const string CookieName = "corrections.role";

    private bool _loaded;

    public IReadOnlyList<RoleChoice> Roles { get; private set; } = [];
    public RoleChoice? Active { get; private set; }
    public IReadOnlyList<MenuItem> Menu { get; private set; } = [];
    /// <summary>How many tasks wait for the active role (the menu's badge), so the inbox need not count them again.</summary>
    public int? TaskCount { get; private set; }
    public string UserName { get; private set; } = "";
    public Guid UserId => holder.Current.UserId ?? Guid.Empty;

    public bool Is(Role role) => Active?.Role == role;

    public async Task<UiContext> LoadAsync(CancellationToken ct = default)
    {
        if (_loaded) return this;
        _loaded = true;
        var scope = holder.Current;
        if (scope.UserId is not { } userId) return this;

        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Surname, u.GivenName, u.Patronymic }).SingleAsync(ct);
        UserName = Corrections.Documents.Text.PersonName.WithInitials(user.Surname, user.GivenName, user.Patronymic);
        var described = await Features.Auth.GetMe.Describe(db, scope.Assignments, ct);
        Roles = [.. described.Select(d => new RoleChoice(
            $"{d.Role}:{d.SchoolId ?? d.MunicipalityId}", d.Role, d.SchoolId, d.MunicipalityId,
            d.SchoolName ?? d.MunicipalityName ?? "",
            d.SchoolId is { } s ? [s] : [.. scope.SchoolIds.Where(x => scope.HasSchoolRole(x, d.Role))]))];
        var wanted = http.HttpContext?.Request.Cookies[CookieName];
        Active = Roles.FirstOrDefault(r => r.Key == wanted) ?? Roles.OrderBy(r => Priority(r.Role)).FirstOrDefault();
        if (Active is not null) Menu = await MenuAsync(scope, Active, ct);
        return this;
    }

    /// <summary>The role a person with several most likely came to work in.</summary>
    private static int Priority(Role role) => role switch
    {
        Role.Director => 0, Role.DepartmentOfficer => 1, Role.Zavuch => 2, Role.Clerk => 3, Role.Teacher => 4, _ => 5,
    };

    private async Task<IReadOnlyList<MenuItem>> MenuAsync(AccessScope scope, RoleChoice role, CancellationToken ct)
    {
        var tasks = role.Role == Role.Admin ? 0 : await TaskQueue.CountAsync(db, scope, role.Role, role.SchoolIds, ct);
        TaskCount = tasks;
        return role.Role switch
        {
            Role.Teacher => [new("/Requests/Mine", "Menu.MyRequests", tasks), new("/Requests/New", "Menu.NewRequest"), new("/Journal/Index", "Menu.Journal")],
            Role.Zavuch => [new("/Inbox", "Menu.Tasks", tasks), new("/Journal/Index", "Menu.Journal"), new("/Journal/ChangeTable", "Menu.ChangeTable"),
                new("/Journal/AccessReport", "Menu.AccessReport"), new("/Requests/Mine", "Menu.MyRequests")],
            Role.Director => [new("/Inbox", "Menu.Inbox", tasks), new("/Records/Register", "Menu.Register"), new("/Journal/ChangeTable", "Menu.ChangeTable")],
            Role.Clerk => [new("/Inbox", "Menu.Tasks", tasks), new("/Records/Register", "Menu.Register"), new("/Records/Cases", "Menu.Cases")],
            Role.DepartmentOfficer => [new("/Department/Index", "Menu.Escalations", tasks)],
            Role.Admin => [new("/Admin/Index", "Menu.Admin")],
            _ => [],
        };
    }
}
