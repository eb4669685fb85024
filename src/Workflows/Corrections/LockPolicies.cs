using Corrections.Workflows.Locking;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Workflows.Corrections;

/// <summary>Finds the lock policy of a school: its own setting, else its municipality's, else the Krasnodar letter.</summary>
public static class LockPolicies
{
    public static async Task<LockPolicy> ForSchoolAsync(CorrectionsDbContext db, Guid schoolId, CancellationToken ct)
        => (await SettingForSchoolAsync(db, schoolId, ct)).Setting is { } setting ? Build(setting.Preset, setting.EisuWindow) : LockPresets.KrasnodarLetter2017();

    /// <summary>The setting in force and where it comes from: «school», «municipality», or «default» (no setting).</summary>
    public static async Task<(LockPolicySetting? Setting, string Source)> SettingForSchoolAsync(CorrectionsDbContext db, Guid schoolId, CancellationToken ct)
        => await SettingForSchoolAsync(db, schoolId, await db.Schools.Where(s => s.Id == schoolId).Select(s => s.MunicipalityId).SingleAsync(ct), ct);

    /// <summary>The policy of a school whose municipality the caller already knows.</summary>
    public static async Task<LockPolicy> ForSchoolAsync(CorrectionsDbContext db, Guid schoolId, Guid municipalityId, CancellationToken ct)
        => (await SettingForSchoolAsync(db, schoolId, municipalityId, ct)).Setting is { } setting ? Build(setting.Preset, setting.EisuWindow) : LockPresets.KrasnodarLetter2017();

    /// <summary>The policy from a school's own setting and its municipality's, which the caller read with other rows.</summary>
    public static LockPolicy ForSchool(LockPolicySetting? own, LockPolicySetting? municipal)
        => (own ?? municipal) is { } setting ? Build(setting.Preset, setting.EisuWindow) : LockPresets.KrasnodarLetter2017();

    private static async Task<(LockPolicySetting? Setting, string Source)> SettingForSchoolAsync(CorrectionsDbContext db, Guid schoolId, Guid municipalityId, CancellationToken ct)
    {
        var settings = await db.LockPolicySettings.AsNoTracking()
            .Where(p => p.SchoolId == schoolId || (p.SchoolId == null && p.MunicipalityId == municipalityId)).ToListAsync(ct);
        return settings.FirstOrDefault(p => p.SchoolId == schoolId) is { } own ? (own, "school")
            : settings.FirstOrDefault() is { } municipal ? (municipal, "municipality")
            : (null, "default");
    }

    public static LockPolicy Build(LockPreset preset, EisuEditWindow? window) => preset switch
    {
        LockPreset.KrasnodarSchool53 => LockPresets.KrasnodarSchool53(),
        LockPreset.EisuMoSchool14 => LockPresets.EisuMoSchool14(window ?? EisuEditWindow.OneWeek),
        _ => LockPresets.KrasnodarLetter2017(),
    };

    /// <summary>The status of one entry of a request, with the study period's end looked up when the rule needs it.</summary>
    public static async Task<LockStatus> StatusAsync(CorrectionsDbContext db, LockPolicy policy, string timeZoneId, CorrectionEntry entry, TimeProvider clock, CancellationToken ct)
    {
        DateOnly? periodEnd = null;
        if (entry.StudyPeriodId is { } periodId)
            periodEnd = await db.StudyPeriods.Where(p => p.Id == periodId).Select(p => (DateOnly?)p.EndDate).SingleOrDefaultAsync(ct);
        else if (entry.Kind == EntryKind.PeriodMark)
            periodEnd = await db.StudyPeriods.Where(p => p.SchoolId == entry.SchoolId && p.StartDate <= entry.Date && entry.Date <= p.EndDate)
                .Select(p => (DateOnly?)p.EndDate).FirstOrDefaultAsync(ct);
        return LockEvaluator.Evaluate(policy, entry.Kind, entry.Date, periodEnd, timeZoneId, clock);
    }
}
