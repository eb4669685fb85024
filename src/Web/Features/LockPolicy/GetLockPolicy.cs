using Corrections.Workflows.Corrections;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Features.LockPolicy;

/// <summary>GET /api/v1/schools/{schoolId}/lock-policy: the policy in force, its rules, and where it comes from.</summary>
public static class GetLockPolicy
{
    public static void Map(IEndpointRouteBuilder school) => school.MapGet("/lock-policy", Handle).WithTags("Lock policy");

    public static async Task<Ok<LockPolicyDto>> Handle(Guid schoolId, CorrectionsDbContext db, CancellationToken ct)
    {
        var municipalityId = await db.Schools.Where(s => s.Id == schoolId).Select(s => s.MunicipalityId).SingleAsync(ct);
        var settings = await db.LockPolicySettings.AsNoTracking()
            .Where(p => p.SchoolId == schoolId || (p.SchoolId == null && p.MunicipalityId == municipalityId)).ToListAsync(ct);
        return TypedResults.Ok(settings.FirstOrDefault(p => p.SchoolId == schoolId) is { } own ? LockPolicyDto.From("school", own.Preset, own.EisuWindow)
            : settings.FirstOrDefault() is { } municipal ? LockPolicyDto.From("municipality", municipal.Preset, municipal.EisuWindow)
            : LockPolicyDto.From("default", LockPreset.KrasnodarLetter2017, null));
    }
}
