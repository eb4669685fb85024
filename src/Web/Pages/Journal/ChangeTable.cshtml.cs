using Corrections.Web.Features.Journal;
using Corrections.Web.Infrastructure.Ui;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Pages.Journal;

/// <summary>
/// The table of changes (point 2.6) for a class and study period, as it will be printed and filed
/// with the term's summary mark sheet, with its DOCX and PDF.
/// </summary>
public sealed class ChangeTableModel(CorrectionsDbContext db, UiContext ui, TimeProvider clock) : PageModel
{
    public Guid SchoolId { get; private set; }
    public IReadOnlyList<Option> Classes { get; private set; } = [];
    public IReadOnlyList<Option> Periods { get; private set; } = [];
    public Guid? ClassId { get; private set; }
    public Guid? StudyPeriodId { get; private set; }
    public IReadOnlyList<ChangeTableRowDto> Rows { get; private set; } = [];

    public string DocumentUrl(string format)
        => $"/api/v1/schools/{SchoolId}/change-table/document?format={format}{(ClassId is { } c ? $"&classId={c}" : "")}{(StudyPeriodId is { } p ? $"&studyPeriodId={p}" : "")}";

    public async Task<IActionResult> OnGetAsync(Guid? classId, Guid? studyPeriodId, CancellationToken ct)
    {
        await ui.LoadAsync(ct);
        if (ui.Active is not { Role: Role.Zavuch or Role.Director or Role.Teacher, SchoolId: { } schoolId }) return Forbid();
        SchoolId = schoolId;
        Classes = await SchoolLists.ClassesAsync(db, schoolId, ct);
        var periods = await db.StudyPeriods.AsNoTracking().Where(p => p.SchoolId == schoolId).OrderBy(p => p.StartDate).ToListAsync(ct);
        Periods = periods.ConvertAll(p => new Option(p.Id, p.Name));
        // A table belongs to one study period (it is filed with that period's summary sheet): by default the one under way.
        var zone = await SchoolLists.TimeZoneAsync(db, schoolId, ct);
        var today = SchoolClock.Today(zone, clock);
        studyPeriodId ??= (periods.LastOrDefault(p => p.StartDate <= today) ?? periods.FirstOrDefault())?.Id;
        (ClassId, StudyPeriodId) = (classId, studyPeriodId);
        Rows = (await GetChangeTable.Handle(schoolId, classId, studyPeriodId, db, ct)).Value ?? [];
        return Page();
    }
}
