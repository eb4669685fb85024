namespace Corrections.Workflows.Notifications;

/// <summary>The kinds of notification a person may switch on, off or into the digest (issue 8's list).</summary>
public static class NotificationKinds
{
    public const string Submitted = "submitted";
    public const string Registered = "registered";
    public const string Returned = "returned";
    public const string Decided = "decided";
    public const string Escalated = "escalated";
    public const string DepartmentDecision = "department-decision";
    public const string UnlockGranted = "unlock-granted";
    public const string UnlockEnding = "unlock-ending";
    public const string UnlockExpired = "unlock-expired";
    public const string ChangeApplied = "change-applied";
    public const string Filed = "filed";
    public const string DecisionReminder = "decision-reminder";
    /// <summary>The morning digest itself; not a preference.</summary>
    public const string Digest = "digest";

    public static readonly IReadOnlyList<string> All =
    [
        Submitted, Registered, Returned, Decided, Escalated, DepartmentDecision, UnlockGranted, UnlockEnding, UnlockExpired,
        ChangeApplied, Filed, DecisionReminder,
    ];
}
