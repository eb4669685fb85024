using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Features.Records;

public sealed record CaseDto(Guid Id, int Year, string Index, string Title, int? RetentionYears, string? Note);

/// <summary>GET /api/v1/schools/{schoolId}/cases?year=: the nomenclature of cases, by index.</summary>
public static class ListCases
{
    public static void Map(IEndpointRouteBuilder school) => school.MapGet("/cases", Handle).WithTags("Records");

    public static async Task<Ok<List<CaseDto>>> Handle(Guid schoolId, int? year, CorrectionsDbContext db, CancellationToken ct)
    {
        var cases = db.CaseFiles.AsNoTracking().Where(c => c.SchoolId == schoolId);
        if (year is not null) cases = cases.Where(c => c.Year == year);
        return TypedResults.Ok(await cases.OrderByDescending(c => c.Year).ThenBy(c => c.Index)
            .Select(c => new CaseDto(c.Id, c.Year, c.Index, c.Title, c.RetentionYears, c.Note)).ToListAsync(ct));
    }
}
