using Corrections.Web.Features.LockPolicy;
using Corrections.Web.Features.Records;
using Corrections.Web.Features.Staff;
using Corrections.Web.Infrastructure.Ui;
using Corrections.Workflows.Access;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Journal;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Pages.Admin;

/// <summary>
/// The administrator's page for one school: people and roles, the lock policy preset, the journal
/// adapter, numbering, grounds with their documents, and the way to the nomenclature. A municipal or
/// installation administrator picks the school first. Every change goes through the API.
/// </summary>
public sealed class IndexModel(CorrectionsDbContext db, AccessScopeHolder scope, UiContext ui) : PageModel
{
    public IReadOnlyList<(Guid Id, string Name)> Schools { get; private set; } = [];
    public Guid? SchoolId { get; private set; }
    public IReadOnlyList<StaffMemberDto> Staff { get; private set; } = [];
    public LockPolicyDto? Policy { get; private set; }
    public string JournalMode { get; private set; } = JournalModes.BuiltIn;
    public IReadOnlyList<NumeratorDto> Numbering { get; private set; } = [];
    public IReadOnlyList<Workflows.Corrections.Ground> Grounds { get; private set; } = [];
    public Features.Calendar.CalendarDto? Calendar { get; private set; }
    public IReadOnlyList<Features.Notifications.ParkedMailDto> Parked { get; private set; } = [];

    /// <summary>Where this administrator may add a school: their municipality, or every one for the installation's.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Municipalities { get; private set; } = [];

    /// <summary>Russia's time zones, west to east: a school's legal dates are its local ones.</summary>
    public static readonly string[] TimeZones =
    [
        "Europe/Kaliningrad", "Europe/Moscow", "Europe/Samara", "Asia/Yekaterinburg", "Asia/Omsk", "Asia/Novosibirsk",
        "Asia/Krasnoyarsk", "Asia/Irkutsk", "Asia/Yakutsk", "Asia/Vladivostok", "Asia/Magadan", "Asia/Kamchatka",
    ];

    public async Task<IActionResult> OnGetAsync(Guid? schoolId, CancellationToken ct)
    {
        await ui.LoadAsync(ct);
        if (ui.Active is not { Role: Role.Admin } role) return Forbid();
        var current = scope.Current;
        var visible = role.SchoolId is { } own ? [own] : current.IsInstallationAdmin ? await db.Schools.Select(s => s.Id).ToListAsync(ct) : role.SchoolIds.ToList();
        Schools = [.. (await db.Schools.AsNoTracking().Where(s => visible.Contains(s.Id)).OrderBy(s => s.ShortName).Select(s => new { s.Id, s.ShortName }).ToListAsync(ct)).Select(s => (s.Id, s.ShortName))];
        SchoolId = schoolId is { } wanted && visible.Contains(wanted) ? wanted : Schools.Count == 1 ? Schools[0].Id : null;
        var municipalities = role.MunicipalityId is { } m ? [m] : current.IsInstallationAdmin ? await db.Municipalities.Select(x => x.Id).ToListAsync(ct) : [];
        Municipalities = [.. (await db.Municipalities.AsNoTracking().Where(x => municipalities.Contains(x.Id)).OrderBy(x => x.Name).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name))];
        if (SchoolId is not { } id) return Page();

        Staff = (await ListStaff.Handle(id, db, ct)).Value ?? [];
        Policy = (await GetLockPolicy.Handle(id, db, ct)).Value;
        JournalMode = await JournalModes.ForSchoolAsync(db, id, ct);
        Numbering = (await Numerators.List(id, db, ct)).Value ?? [];
        Calendar = await Features.Calendar.GetCalendar.ReadAsync(db, id, ct);
        Parked = (await Features.Notifications.ListParkedMail.Handle(id, db, ct)).Value ?? [];
        // Inactive grounds too: the administrator may bring one back.
        Grounds = await db.Grounds.AsNoTracking().Where(g => g.SchoolId == id).OrderByDescending(g => g.IsActive).ThenBy(g => g.Title).ToListAsync(ct);
        return Page();
    }
}
