using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Corrections.Web.Features.Staff;

/// <summary>GET /api/v1/schools/{schoolId}/staff: the people holding roles in the school.</summary>
public static class ListStaff
{
    public static void Map(IEndpointRouteBuilder school) => school.MapGet("/staff", Handle).WithTags("Accounts");

    public static async Task<Ok<List<StaffMemberDto>>> Handle(Guid schoolId, CorrectionsDbContext db, CancellationToken ct)
        => TypedResults.Ok(await StaffAccounts.ListAsync(db, a => a.SchoolId == schoolId, ct));
}
