using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Features.Schools;

/// <summary>GET /api/v1/schools: the schools the caller's roles reach.</summary>
public static class ListSchools
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/schools", Handle).WithTags("Organisation");

    public static async Task<Ok<List<SchoolDto>>> Handle(CorrectionsDbContext db, CancellationToken ct)
    {
        var schools = await db.Schools.AsNoTracking().OrderBy(s => s.ShortName).ToListAsync(ct);
        return TypedResults.Ok(schools.ConvertAll(SchoolDto.From));
    }
}
