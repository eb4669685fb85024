using Corrections.Web.Infrastructure;
using Corrections.Workflows.Organisation;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Municipalities;

/// <summary>POST /api/v1/municipalities: installation administrators only.</summary>
public static class CreateMunicipality
{
    public sealed record Request(string? Name, string? DepartmentName, string? DepartmentAddress, string? DepartmentEmail);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/municipalities", Handle)
        .RequireAuthorization(Policies.InstallationAdmin).ProducesProblem(StatusCodes.Status409Conflict).WithTags("Organisation");

    public static async Task<Results<Created<MunicipalityDto>, ValidationProblem, ProblemHttpResult>> Handle(
        Request request, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var v = new Validation(t);
        var municipality = new Municipality
        {
            Id = Guid.CreateVersion7(),
            Name = v.Required("name", request.Name, Limits.Name),
            DepartmentName = v.Required("departmentName", request.DepartmentName, Limits.LongName),
            DepartmentAddress = v.Optional("departmentAddress", request.DepartmentAddress, Limits.Address),
            DepartmentEmail = v.Email("departmentEmail", request.DepartmentEmail, required: false, Limits.Email),
        };
        if (!v.IsValid) return v.Problem();
        if (await db.Municipalities.IgnoreQueryFilters().AnyAsync(m => m.Name == municipality.Name, ct))
            return Validation.Conflict(t, "Conflict.MunicipalityName", municipality.Name);

        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/municipalities/{municipality.Id}", MunicipalityDto.From(municipality));
    }
}
