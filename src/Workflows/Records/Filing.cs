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
    /// <param name="Today">The school's date at the step, which the filing mark carries.</param>
    public sealed record Target(CaseFile? Case, int Year, StudyPeriod? Period, string? SchoolYear, DateOnly Today);

    /// <summary>The target of the step's request, found once: the guard checks the case the effect then files into.</summary>
    public static Task<Target> OfStepAsync(StepContext step, CancellationToken ct)
        => step.SharedAsync(() => FindAsync(step.Db, step.Instance.Id, step.Instance.SchoolId, step.Now, ct));

    public static async Task<Target> FindAsync(CorrectionsDbContext db, Guid requestId, Guid schoolId, DateTimeOffset now, CancellationToken ct)
    {
        // One round trip: the period the request concerns, that of its earliest journal entry (the entry's
        // own, or else the school's period around its date), with its school year's name, the case of the
        // calendar year it ends in, and the school's zone for today's date. Outer joins and scalar
        // subqueries rather than a lateral join, which SQLite does not have; a school has one case of an
        // index a year, so the joins keep the entry's single row.
        var summarySheets = db.CaseFiles.Where(c => c.SchoolId == schoolId && c.Index == DefaultCases.SummarySheets);
        var found = await (
            from e in db.CorrectionEntries.Where(e => e.RequestId == requestId).OrderBy(e => e.Date).Take(1)
            join p in db.StudyPeriods
                on e.StudyPeriodId ?? db.StudyPeriods.Where(p => p.SchoolId == schoolId && p.StartDate <= e.Date && e.Date <= p.EndDate).Select(p => (Guid?)p.Id).FirstOrDefault()
                equals p.Id into periods
            from p in periods.DefaultIfEmpty()
            join c in summarySheets on p.EndDate.Year equals c.Year into cases
            from c in cases.DefaultIfEmpty()
            select new
            {
                Zone = db.Schools.Where(s => s.Id == schoolId).Select(s => s.TimeZoneId).FirstOrDefault(),
                Period = p,
                SchoolYear = db.SchoolYears.Where(y => y.Id == p.SchoolYearId).Select(y => y.Name).FirstOrDefault(),
                Case = c,
            })
            .AsNoTracking().FirstAsync(ct);
        var today = SchoolClock.DateAt(found.Zone ?? throw new InvalidOperationException($"School {schoolId} cannot be read."), now);
        if (found.Period is { } period) return new Target(found.Case, period.EndDate.Year, period, found.SchoolYear, today);

        // Without a period, the case of the current year: a second round trip, as that year depends on the zone.
        var file = await summarySheets.AsNoTracking().SingleOrDefaultAsync(c => c.Year == today.Year, ct);
        return new Target(file, today.Year, null, null, today);
    }
}

/// <summary>«filing-case»: the case to file into is in the nomenclature (and not destroyed), or the clerk is told which to add.</summary>
public sealed class FilingCaseGuard : IWorkflowGuard
{
    public string Name => "filing-case";

    public async Task<GuardResult> CheckAsync(StepContext step, CancellationToken ct)
    {
        var target = await FilingTarget.OfStepAsync(step, ct);
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
        // The target the guard checked, without reading it again.
        var target = await FilingTarget.OfStepAsync(step, ct);
        var today = target.Today;
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
