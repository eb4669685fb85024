using Corrections.Workflows.Engine;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Organisation;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Workflows.Records;

/// <summary>
/// Where an applied request is filed (point 2.3): with the summary sheet of the study period its
/// entries belong to, i.e. into the summary-sheets case (01-14 by default) of the nomenclature of the
/// calendar year in which that period ends.
/// </summary>
public static class FilingTarget
{
    public sealed record Target(CaseFile? Case, int Year, StudyPeriod? Period, string? SchoolYear);

    public static async Task<Target> FindAsync(CorrectionsDbContext db, Guid requestId, Guid schoolId, DateOnly today, CancellationToken ct)
    {
        // The period the request concerns: that of its earliest journal entry.
        var entry = await db.CorrectionEntries.AsNoTracking().Where(e => e.RequestId == requestId).OrderBy(e => e.Date).FirstAsync(ct);
        var period = entry.StudyPeriodId is { } periodId
            ? await db.StudyPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == periodId, ct)
            : await db.StudyPeriods.AsNoTracking()
                .Where(p => p.SchoolId == schoolId && p.StartDate <= entry.Date && entry.Date <= p.EndDate).FirstOrDefaultAsync(ct);
        var schoolYear = period is null ? null
            : await db.SchoolYears.AsNoTracking().Where(y => y.Id == period.SchoolYearId).Select(y => y.Name).SingleOrDefaultAsync(ct);
        var year = period?.EndDate.Year ?? today.Year;
        var file = await db.CaseFiles.SingleOrDefaultAsync(c => c.SchoolId == schoolId && c.Year == year && c.Index == DefaultCases.SummarySheets, ct);
        return new Target(file, year, period, schoolYear);
    }
}

/// <summary>«filing-case»: the case to file into is in the nomenclature (and not destroyed), or the clerk is told which to add.</summary>
public sealed class FilingCaseGuard : IWorkflowGuard
{
    public string Name => "filing-case";

    public async Task<GuardResult> CheckAsync(StepContext step, CancellationToken ct)
    {
        var zone = await step.Db.Schools.Where(s => s.Id == step.Instance.SchoolId).Select(s => s.TimeZoneId).SingleAsync(ct);
        var target = await FilingTarget.FindAsync(step.Db, step.Instance.Id, step.Instance.SchoolId, SchoolClock.DateAt(zone, step.Now), ct);
        if (target.Case is null) return GuardResult.Refuse("Filing.NoCase", DefaultCases.SummarySheets, target.Year);
        return target.Case.DestroyedByActId is null ? GuardResult.Pass : GuardResult.Refuse("Filing.CaseDestroyed", target.Case.Index, target.Year);
    }
}

/// <summary>
/// «file-to-case» (point 2.3): the request and its papers (the letter to the department and its
/// decision, if any) go into the summary-sheets case, and each card gets the filing mark
/// «В дело № … от …». The request comes off control.
/// </summary>
public sealed class FileToCaseEffect : IWorkflowEffect
{
    public string Name => "file-to-case";

    public async Task RunAsync(StepContext step, CancellationToken ct)
    {
        var db = step.Db;
        var zone = await db.Schools.Where(s => s.Id == step.Instance.SchoolId).Select(s => s.TimeZoneId).SingleAsync(ct);
        var today = SchoolClock.DateAt(zone, step.Now);
        var target = await FilingTarget.FindAsync(db, step.Instance.Id, step.Instance.SchoolId, today, ct);
        var file = target.Case ?? throw new InvalidOperationException("The filing-case guard lets no step through without a case.");
        var sheet = target.Period is null ? "" : $" (к сводной ведомости: {target.Period.Name} {target.SchoolYear})";
        var mark = $"В дело № {file.Index}{sheet} от {today:dd.MM.yyyy}";

        foreach (var document in await db.RegisteredDocuments.Where(d => d.RequestId == step.Instance.Id).ToListAsync(ct))
        {
            document.FiledCaseId = file.Id;
            document.FiledOn = today;
            document.FilingMark = mark;
            document.OnControl = false;
        }
    }
}
