using Corrections.Web.Features.Journal;
using Corrections.Web.Infrastructure.Ui;
using Corrections.Workflows.Access;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Journal;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Pages.Journal;

/// <summary>An entry a request unlocked for the zavuch: where it is in the journal and what it may become.</summary>
public sealed record UnlockedEntry(Guid RequestId, Guid EntryId, string Student, Guid StudentId, DateOnly Date, EntryKind Kind, string Was, string Becomes,
    Guid? WorkId, Guid? LessonId, Guid? StudyPeriodId, Guid ClassId, Guid SubjectId, DateTimeOffset ExpiresAt, string Current);

/// <summary>
/// The built-in journal for a class and subject. For the zavuch it lists exactly the entries an
/// active unlock allows to change, each with a field for the approved value, and marks those cells in
/// the grid; every other cell is read-only here. The API's journal editor decides each save again.
/// </summary>
public sealed class IndexModel(CorrectionsDbContext db, UiContext ui, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public Guid SchoolId { get; private set; }
    public IReadOnlyList<Option> Classes { get; private set; } = [];
    public IReadOnlyList<Option> Subjects { get; private set; } = [];
    public Guid? ClassId { get; private set; }
    public Guid? SubjectId { get; private set; }
    public JournalPageDto? Journal { get; private set; }
    public IReadOnlyList<UnlockedEntry> Unlocked { get; private set; } = [];
    public string Mode { get; private set; } = JournalModes.BuiltIn;
    public string Zone { get; private set; } = "UTC";
    public Guid? RequestId { get; private set; }

    public bool IsUnlocked(Guid? workId, Guid? lessonId, Guid studentId)
        => Unlocked.Any(u => u.StudentId == studentId && ((workId is not null && u.WorkId == workId) || (lessonId is not null && u.LessonId == lessonId)));

    public async Task<IActionResult> OnGetAsync(Guid? classId, Guid? subjectId, Guid? requestId, CancellationToken ct)
    {
        await ui.LoadAsync(ct);
        if (ui.Active is not { Role: Role.Teacher or Role.Zavuch or Role.Director, SchoolId: { } schoolId }) return Forbid();
        SchoolId = schoolId;
        Mode = await JournalModes.ForSchoolAsync(db, schoolId, ct);
        Zone = await SchoolLists.TimeZoneAsync(db, schoolId, ct);
        if (ui.Is(Role.Zavuch)) Unlocked = await UnlockedEntriesAsync(schoolId, ct);
        // Opened from a request: its class and subject.
        if (requestId is { } rid && await db.CorrectionRequests.AsNoTracking().Where(r => r.Id == rid && r.SchoolId == schoolId).Select(r => new { r.ClassId, r.SubjectId }).SingleOrDefaultAsync(ct) is { } request)
        {
            (classId, subjectId, RequestId) = (request.ClassId, request.SubjectId, rid);
        }
        (ClassId, SubjectId) = (classId, subjectId);
        Classes = await SchoolLists.ClassesAsync(db, schoolId, ct);
        Subjects = await SchoolLists.SubjectsAsync(db, schoolId, ct);
        if (Mode == JournalModes.BuiltIn && classId is not null && subjectId is not null
            && await GetJournal.Handle(schoolId, classId, subjectId, null, null, db, t, clock, ct) is { Result: Ok<JournalPageDto> ok })
            Journal = ok.Value;
        return Page();
    }

    private async Task<IReadOnlyList<UnlockedEntry>> UnlockedEntriesAsync(Guid schoolId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var unlocks = await db.JournalUnlocks.AsNoTracking().Where(u => u.SchoolId == schoolId && u.RevokedAt == null).ToListAsync(ct);
        var active = unlocks.Where(u => u.IsActive(now)).ToList();
        var ids = active.Select(u => u.RequestId).ToList();
        var rows = await (
            from e in db.CorrectionEntries.AsNoTracking()
            where ids.Contains(e.RequestId)
            join r in db.CorrectionRequests.AsNoTracking() on e.RequestId equals r.Id
            join s in db.Students.AsNoTracking() on e.StudentId equals s.Id
            orderby e.Date
            select new { Entry = e, r.ClassId, r.SubjectId, s.Surname, s.GivenName, s.Patronymic }).ToListAsync(ct);
        var result = new List<UnlockedEntry>();
        foreach (var row in rows)
        {
            var request = new Workflows.Corrections.CorrectionRequest { Id = row.Entry.RequestId, SchoolId = schoolId, ClassId = row.ClassId, SubjectId = row.SubjectId };
            var slot = await JournalSlots.ForEntryAsync(db, request, row.Entry, ct);
            result.Add(new UnlockedEntry(row.Entry.RequestId, row.Entry.Id, Corrections.Documents.Text.PersonName.Full(row.Surname, row.GivenName, row.Patronymic), row.Entry.StudentId,
                row.Entry.Date, row.Entry.Kind, row.Entry.CurrentValue, row.Entry.RequestedValue, slot?.WorkId, slot?.LessonId, row.Entry.StudyPeriodId, row.ClassId, row.SubjectId,
                active.First(u => u.RequestId == row.Entry.RequestId).ExpiresAt, slot?.Value ?? ""));
        }
        return result;
    }
}
