using Corrections.Workflows.Access;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Features.Auth;

/// <summary>GET /api/v1/me: who the caller is and which roles they hold where.</summary>
public static class GetMe
{
    public sealed record RoleDto(Role Role, Guid? SchoolId, string? SchoolName, Guid? MunicipalityId, string? MunicipalityName);
    public sealed record Response(Guid Id, string Email, string Surname, string GivenName, string? Patronymic, IReadOnlyList<RoleDto> Roles);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/me", Handle).WithTags("Auth");

    public static async Task<Ok<Response>> Handle(CorrectionsDbContext db, AccessScopeHolder scope, CancellationToken ct)
    {
        var current = scope.Current;
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == current.UserId, ct);
        var roles = await Describe(db, current.Assignments, ct);
        return TypedResults.Ok(new Response(user.Id, user.Email ?? "", user.Surname, user.GivenName, user.Patronymic, roles));
    }

    /// <summary>The caller's assignments with school and municipality names, as the home page shows them too.</summary>
    public static async Task<IReadOnlyList<RoleDto>> Describe(CorrectionsDbContext db, IReadOnlyList<RoleAssignment> assignments, CancellationToken ct)
    {
        var schoolIds = assignments.Where(a => a.SchoolId != null).Select(a => a.SchoolId!.Value).ToList();
        var municipalityIds = assignments.Where(a => a.MunicipalityId != null).Select(a => a.MunicipalityId!.Value).ToList();
        var schools = await db.Schools.AsNoTracking().Where(s => schoolIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.ShortName, ct);
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => municipalityIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        return
        [
            .. assignments
                .OrderBy(a => a.SchoolId is null ? 0 : 1).ThenBy(a => a.Role)
                .Select(a => new RoleDto(a.Role,
                    a.SchoolId, a.SchoolId is { } s ? schools.GetValueOrDefault(s) : null,
                    a.MunicipalityId, a.MunicipalityId is { } m ? municipalities.GetValueOrDefault(m) : null)),
        ];
    }
}
