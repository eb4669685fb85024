using Corrections.Web.Infrastructure;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Features.Requests;

/// <param name="Overdue">Open tasks past their due date (a request counts once, by its task).</param>
/// <param name="OldestDueAt">The longest-overdue task's due date.</param>
public sealed record OverdueSchoolDto(Guid SchoolId, string SchoolName, int Overdue, DateTimeOffset OldestDueAt);

/// <summary>
/// GET /api/v1/municipalities/{municipalityId}/overdue: for the education department, per school of
/// the municipality, how many requests wait past their deadline (the regulation's deadlines are
/// the department's to watch). Schools with nothing overdue are left out.
/// </summary>
public static class GetOverdueSummary
{
    public static void Map(IEndpointRouteBuilder municipality) => municipality.MapGet("/overdue", Handle)
        .RequireAuthorization(Policies.MunicipalityDepartment).WithTags("Requests");

    public static async Task<Ok<List<OverdueSchoolDto>>> Handle(Guid municipalityId, CorrectionsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var overdue = await (
            from w in db.WorkflowWaits.AsNoTracking()
            join s in db.Schools.AsNoTracking() on w.SchoolId equals s.Id
            where s.MunicipalityId == municipalityId && w.Kind == WaitKind.Task && w.DueAt != null && w.DueAt < now
            select new { w.SchoolId, s.ShortName, w.InstanceId, DueAt = w.DueAt!.Value }).ToListAsync(ct);
        return TypedResults.Ok(overdue
            .GroupBy(o => (o.SchoolId, o.ShortName))
            .Select(g => new OverdueSchoolDto(g.Key.SchoolId, g.Key.ShortName, g.Select(o => o.InstanceId).Distinct().Count(), g.Min(o => o.DueAt)))
            .OrderByDescending(s => s.Overdue).ThenBy(s => s.SchoolName, StringComparer.Ordinal).ToList());
    }
}
