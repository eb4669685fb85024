using Corrections.Web.Infrastructure;
using Corrections.Workflows.Organisation;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Municipalities;

/// <summary>GET /api/v1/municipalities: the municipalities the caller's roles reach.</summary>
public static class ListMunicipalities
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/municipalities", Handle).WithTags("Organisation");

    public static async Task<Ok<List<MunicipalityDto>>> Handle(CorrectionsDbContext db, CancellationToken ct)
        => TypedResults.Ok(await db.Municipalities.AsNoTracking().OrderBy(m => m.Name)
            .Select(m => new MunicipalityDto(m.Id, m.Name, m.DepartmentName, m.DepartmentAddress, m.DepartmentEmail)).ToListAsync(ct));
}
