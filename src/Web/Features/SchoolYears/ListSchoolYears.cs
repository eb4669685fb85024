using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Features.SchoolYears;

/// <summary>GET /api/v1/schools/{schoolId}/years: the school's years with their study periods, newest first.</summary>
public static class ListSchoolYears
{
    public static void Map(IEndpointRouteBuilder school) => school.MapGet("/years", Handle).WithTags("Organisation");

    public static async Task<Ok<List<SchoolYearDto>>> Handle(Guid schoolId, CorrectionsDbContext db, CancellationToken ct)
    {
        var years = await db.SchoolYears.AsNoTracking().Include(y => y.Periods)
            .Where(y => y.SchoolId == schoolId).OrderByDescending(y => y.StartDate).ToListAsync(ct);
        return TypedResults.Ok(years.ConvertAll(SchoolYearDto.From));
    }
}
