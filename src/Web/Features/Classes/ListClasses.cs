using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Features.Classes;

public sealed record ClassDto(Guid Id, Guid SchoolYearId, int Grade, string Letter, string Name);

/// <summary>GET /api/v1/schools/{schoolId}/classes?yearId=: the school's classes, optionally of one year.</summary>
public static class ListClasses
{
    public static void Map(IEndpointRouteBuilder school) => school.MapGet("/classes", Handle).WithTags("Organisation");

    public static async Task<Ok<List<ClassDto>>> Handle(Guid schoolId, Guid? yearId, CorrectionsDbContext db, CancellationToken ct)
    {
        var classes = db.Classes.AsNoTracking().Where(c => c.SchoolId == schoolId);
        if (yearId is not null) classes = classes.Where(c => c.SchoolYearId == yearId);
        return TypedResults.Ok(await classes.OrderBy(c => c.Grade).ThenBy(c => c.Letter)
            .Select(c => new ClassDto(c.Id, c.SchoolYearId, c.Grade, c.Letter, c.Name)).ToListAsync(ct));
    }
}
