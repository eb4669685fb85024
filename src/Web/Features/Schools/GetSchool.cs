using Corrections.Web.Infrastructure;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Schools;

/// <summary>GET /api/v1/schools/{schoolId}.</summary>
public static class GetSchool
{
    public static void Map(IEndpointRouteBuilder school) => school.MapGet("", Handle).ProducesProblem(StatusCodes.Status404NotFound).WithTags("Organisation");

    public static async Task<Results<Ok<SchoolDto>, ProblemHttpResult>> Handle(
        Guid schoolId, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
        => await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Id == schoolId, ct) is { } school
            ? TypedResults.Ok(SchoolDto.From(school))
            : Validation.NotFound(t, "NotFound.School");
}
