using Corrections.Web.Infrastructure;
using Corrections.Workflows.Organisation;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Municipalities;

/// <summary>GET /api/v1/municipalities/{municipalityId}.</summary>
public static class GetMunicipality
{
    public static void Map(IEndpointRouteBuilder municipality) => municipality.MapGet("", Handle).ProducesProblem(StatusCodes.Status404NotFound).WithTags("Organisation");

    public static async Task<Results<Ok<MunicipalityDto>, ProblemHttpResult>> Handle(
        Guid municipalityId, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
        => await db.Municipalities.AsNoTracking().SingleOrDefaultAsync(m => m.Id == municipalityId, ct) is { } m
            ? TypedResults.Ok(MunicipalityDto.From(m))
            : Validation.NotFound(t, "NotFound.Municipality");
}
