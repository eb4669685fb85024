using Corrections.Web.Infrastructure;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Staff;

/// <summary>POST /api/v1/municipalities/{municipalityId}/staff: department officers and municipal administrators.</summary>
public static class AddMunicipalityStaffMember
{
    public static void Map(IEndpointRouteBuilder municipality) => municipality.MapPost("/staff", Handle)
        .RequireAuthorization(Policies.MunicipalityAdmin).WithTags("Accounts");

    public static Task<Results<Ok<StaffMemberDto>, ValidationProblem>> Handle(
        Guid municipalityId, StaffRequest request, CorrectionsDbContext db, UserManager<AppUser> users, IStringLocalizer<SharedResource> t, CancellationToken ct)
        => StaffAccounts.GrantAsync(request, a => a.SchoolId == null && a.MunicipalityId == municipalityId, RoleAssignment.IsMunicipalityRole,
            (userId, role) => new RoleAssignment { Id = Guid.CreateVersion7(), UserId = userId, Role = role, MunicipalityId = municipalityId },
            db, users, t, ct);
}
