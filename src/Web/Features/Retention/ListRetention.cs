using Corrections.Web.Infrastructure;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Persistence;
using Corrections.Workflows.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Features.Retention;

public sealed record RetentionCaseDto(
    Guid CaseId, string Index, string Title, int Year, int? RetentionYears, DateOnly? RetentionEndsOn, int Documents,
    bool PastRetention, bool Destroyed, Guid? OpenActId);

/// <summary>
/// GET /api/v1/schools/{schoolId}/retention: every case with when its retention ends (by the school's
/// local date), what it holds, and whether it may go into an act of destruction now.
/// </summary>
public static class ListRetention
{
    public static void Map(IEndpointRouteBuilder school) => school.MapGet("/retention", Handle)
        .RequireAuthorization(Policies.SchoolRetention).WithTags("Retention");

    public static async Task<Ok<List<RetentionCaseDto>>> Handle(Guid schoolId, CorrectionsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var zone = await db.Schools.Where(s => s.Id == schoolId).Select(s => s.TimeZoneId).SingleAsync(ct);
        var today = SchoolClock.Today(zone, clock);
        var cases = await db.CaseFiles.AsNoTracking().Where(c => c.SchoolId == schoolId).OrderBy(c => c.Year).ThenBy(c => c.Index).ToListAsync(ct);
        var open = await db.DestructionActCases.AsNoTracking()
            .Where(l => l.SchoolId == schoolId && db.DestructionActs.Any(a => a.Id == l.ActId && a.Status != DestructionActStatus.Executed))
            .ToListAsync(ct);
        // Normally one open act per case; should two ever name it, the list shows the first rather than failing.
        var openActs = open.GroupBy(l => l.CaseFileId).ToDictionary(g => g.Key, g => g.First().ActId);
        var result = new List<RetentionCaseDto>(cases.Count);
        foreach (var c in cases)
        {
            var documents = await CaseContents.Documents(db, c).CountAsync(ct);
            result.Add(new RetentionCaseDto(c.Id, c.Index, c.Title, c.Year, c.RetentionYears, c.RetentionEndsOn, documents,
                c.IsPastRetention(today), c.DestroyedByActId is not null, openActs.TryGetValue(c.Id, out var act) ? act : null));
        }
        return TypedResults.Ok(result);
    }
}
