using Corrections.Workflows.Corrections;
using Corrections.Workflows.Locking;

namespace Corrections.Web.Features.LockPolicy;

public sealed record LockRuleDto(EntryKind Kind, LockWindowUnit Unit, int Length, LockAnchor CountedFrom);

/// <param name="Source">Where the policy comes from: «school», «municipality» or «default» (the Krasnodar letter).</param>
public sealed record LockPolicyDto(string Name, string Source, LockPreset Preset, EisuEditWindow? EisuWindow, bool NoMarksAhead, IReadOnlyList<LockRuleDto> Rules)
{
    public static LockPolicyDto From(string source, LockPreset preset, EisuEditWindow? window)
    {
        var policy = LockPolicies.Build(preset, window);
        return new(policy.Name, source, preset, preset == LockPreset.EisuMoSchool14 ? window ?? EisuEditWindow.OneWeek : null, policy.NoMarksAhead,
            [.. Enum.GetValues<EntryKind>().Select(k => policy.RuleFor(k) is var r ? new LockRuleDto(k, r.Unit, r.Length, r.CountedFrom) : null!)]);
    }
}

/// <summary>A preset, and for ЕИСУ МО the administrator's edit window.</summary>
public sealed record LockPolicyRequest(LockPreset? Preset, EisuEditWindow? EisuWindow);
