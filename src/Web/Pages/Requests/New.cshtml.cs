using Corrections.Web.Infrastructure.Ui;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Journal;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Pages.Requests;

public sealed record GroundOption(Guid Id, string Title, IReadOnlyList<string> RequiredDocuments);

/// <summary>
/// «Новое заявление»: the teacher (or zavuch) picks class, subject and the entries (student, date,
/// kind, value before and after). Each entry shows its lock status as it is chosen; one that can
/// still be edited directly is refused here, before the request is created. The draft is created
/// through the API; scans and submission follow on the request page.
/// </summary>
public sealed class NewModel(CorrectionsDbContext db, UiContext ui, TimeProvider clock) : PageModel
{
    public Guid SchoolId { get; private set; }
    public IReadOnlyList<Option> Classes { get; private set; } = [];
    public IReadOnlyList<Option> Subjects { get; private set; } = [];
    public IReadOnlyList<GroundOption> Grounds { get; private set; } = [];
    public IReadOnlyList<Option> Periods { get; private set; } = [];
    /// <summary>Students by class, for the entry rows.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<Option>> Students { get; private set; } = new Dictionary<Guid, IReadOnlyList<Option>>();
    public bool BuiltInJournal { get; private set; }
    public DateOnly LocalToday { get; private set; }
    public IReadOnlyList<EntryKind> Kinds { get; } = Enum.GetValues<EntryKind>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ui.LoadAsync(ct);
        if (ui.Active is not { Role: Role.Teacher or Role.Zavuch, SchoolId: { } schoolId }) return Forbid();
        SchoolId = schoolId;
        var me = ui.UserId;
        // A teacher sees the classes and subjects they teach first; the zavuch every class.
        var taught = await db.TeachingAssignments.AsNoTracking().Where(a => a.SchoolId == schoolId && a.TeacherId == me).Select(a => new { a.ClassId, a.SubjectId }).ToListAsync(ct);
        var classes = await SchoolLists.ClassesAsync(db, schoolId, ct);
        var subjects = await SchoolLists.SubjectsAsync(db, schoolId, ct);
        Classes = ui.Is(Role.Teacher) && taught.Count > 0 ? [.. classes.Where(c => taught.Any(t => t.ClassId == c.Id))] : classes;
        Subjects = ui.Is(Role.Teacher) && taught.Count > 0 ? [.. subjects.Where(s => taught.Any(t => t.SubjectId == s.Id))] : subjects;
        var classIds = Classes.Select(c => c.Id).ToList();
        var students = await db.Students.AsNoTracking().Where(s => classIds.Contains(s.ClassId)).OrderBy(s => s.Surname).ThenBy(s => s.GivenName)
            .Select(s => new { s.ClassId, s.Id, s.Surname, s.GivenName, s.Patronymic }).ToListAsync(ct);
        Students = students.GroupBy(s => s.ClassId).ToDictionary(g => g.Key,
            g => (IReadOnlyList<Option>)[.. g.Select(s => new Option(s.Id, Corrections.Documents.Text.PersonName.Full(s.Surname, s.GivenName, s.Patronymic)))]);
        var grounds = await db.Grounds.AsNoTracking().Where(g => g.SchoolId == schoolId && g.IsActive).OrderBy(g => g.Title).ToListAsync(ct);
        Grounds = grounds.ConvertAll(g => new GroundOption(g.Id, g.Title, g.RequiredDocuments));
        Periods = await db.StudyPeriods.AsNoTracking().Where(p => p.SchoolId == schoolId).OrderBy(p => p.StartDate).Select(p => new Option(p.Id, p.Name)).ToListAsync(ct);
        BuiltInJournal = await JournalModes.ForSchoolAsync(db, schoolId, ct) == JournalModes.BuiltIn;
        var zone = await SchoolLists.TimeZoneAsync(db, schoolId, ct);
        LocalToday = SchoolClock.Today(zone, clock);
        return Page();
    }
}
