using Corrections.Web.Infrastructure;
using Corrections.Workflows.Corrections;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.LockPolicy;

/// <summary>
/// PUT /api/v1/municipalities/{municipalityId}/lock-policy and PUT /api/v1/schools/{schoolId}/lock-policy:
/// the municipality sets the policy of its schools, a school may override it (point 1 says each sets its own).
/// </summary>
public static class SetLockPolicy
{
    public static void MapForMunicipality(IEndpointRouteBuilder municipality) => municipality.MapPut("/lock-policy",
            (Guid municipalityId, LockPolicyRequest body, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
                => SaveAsync(body, db, t, p => p.SchoolId == null && p.MunicipalityId == municipalityId, () => new LockPolicySetting { Id = Guid.CreateVersion7(), MunicipalityId = municipalityId }, "municipality", ct))
        .RequireAuthorization(Policies.MunicipalityAdmin).WithTags("Lock policy");

    public static void MapForSchool(IEndpointRouteBuilder school) => school.MapPut("/lock-policy",
            (Guid schoolId, LockPolicyRequest body, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
                => SaveAsync(body, db, t, p => p.SchoolId == schoolId, () => new LockPolicySetting { Id = Guid.CreateVersion7(), SchoolId = schoolId }, "school", ct))
        .RequireAuthorization(Policies.SchoolAdmin).WithTags("Lock policy");

    private static async Task<Results<Ok<LockPolicyDto>, ValidationProblem>> SaveAsync(
        LockPolicyRequest body, CorrectionsDbContext db, IStringLocalizer<SharedResource> t,
        System.Linq.Expressions.Expression<Func<LockPolicySetting, bool>> existing, Func<LockPolicySetting> create, string source, CancellationToken ct)
    {
        var v = new Validation(t);
        var preset = v.RequiredValue("preset", body.Preset);
        if (body.Preset is { } p && !Enum.IsDefined(p)) v.Add("preset", "Validation.Unreadable");
        if (body.EisuWindow is not null && preset != LockPreset.EisuMoSchool14) v.Add("eisuWindow", "Validation.EisuWindowOnlyForEisu");
        if (!v.IsValid) return v.Problem();

        var setting = await db.LockPolicySettings.SingleOrDefaultAsync(existing, ct);
        if (setting is null) db.LockPolicySettings.Add(setting = create());
        setting.Preset = preset;
        setting.EisuWindow = preset == LockPreset.EisuMoSchool14 ? body.EisuWindow ?? Workflows.Locking.EisuEditWindow.OneWeek : null;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(LockPolicyDto.From(source, setting.Preset, setting.EisuWindow));
    }
}
