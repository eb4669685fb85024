using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Corrections.Web.Features.Staff;

/// <summary>GET /api/v1/municipalities/{municipalityId}/staff: department officers and municipal administrators.</summary>
public static class ListMunicipalityStaff
{
    public static void Map(IEndpointRouteBuilder municipality) => municipality.MapGet("/staff", Handle).WithTags("Accounts");

    public static async Task<Ok<List<StaffMemberDto>>> Handle(Guid municipalityId, CorrectionsDbContext db, CancellationToken ct)
        => TypedResults.Ok(await StaffAccounts.ListAsync(db, a => a.SchoolId == null && a.MunicipalityId == municipalityId, ct));
}
