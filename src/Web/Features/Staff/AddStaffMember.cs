using Corrections.Web.Infrastructure;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Staff;

/// <summary>
/// POST /api/v1/schools/{schoolId}/staff: gives a person roles in the school (teacher, zavuch,
/// director, clerk, admin), creating the account with an initial password when the email is new.
/// </summary>
public static class AddStaffMember
{
    public static void Map(IEndpointRouteBuilder school) => school.MapPost("/staff", Handle)
        .RequireAuthorization(Policies.SchoolAdmin).WithTags("Accounts");

    public static Task<Results<Ok<StaffMemberDto>, ValidationProblem>> Handle(
        Guid schoolId, StaffRequest request, CorrectionsDbContext db, UserManager<AppUser> users, IStringLocalizer<SharedResource> t, CancellationToken ct)
        => StaffAccounts.GrantAsync(request, a => a.SchoolId == schoolId, RoleAssignment.IsSchoolRole,
            (userId, role) => new RoleAssignment { Id = Guid.CreateVersion7(), UserId = userId, Role = role, SchoolId = schoolId },
            db, users, t, ct);
}
