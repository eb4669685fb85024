using Corrections.Workflows.Corrections;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Corrections.Web.Features.LockPolicy;

/// <summary>GET /api/v1/schools/{schoolId}/lock-policy: the policy in force, its rules, and where it comes from.</summary>
public static class GetLockPolicy
{
    public static void Map(IEndpointRouteBuilder school) => school.MapGet("/lock-policy", Handle).WithTags("Lock policy");

    public static async Task<Ok<LockPolicyDto>> Handle(Guid schoolId, CorrectionsDbContext db, CancellationToken ct)
    {
        var (setting, source) = await LockPolicies.SettingForSchoolAsync(db, schoolId, ct);
        return TypedResults.Ok(LockPolicyDto.From(source, setting?.Preset ?? LockPreset.KrasnodarLetter2017, setting?.EisuWindow));
    }
}
