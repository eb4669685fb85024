using Corrections.Workflows.Notifications;

namespace Corrections.Web.Features.Notifications;

/// <summary>Who is told what after each step of the correction request (issue 8's list).</summary>
public static class NotificationPlan
{
    /// <summary>The people a notification goes to: the initiator, or everyone holding a role of the request's school or municipality.</summary>
    public enum Audience
    {
        Initiator,
        Clerk,
        Director,
        Zavuch,
        Department,
    }

    public sealed record Line(string Kind, IReadOnlyList<Audience> To);

    /// <summary>By the step's name: a transition, or «timer:…» for a reminder. A step not listed tells nobody (withdrawal).</summary>
    public static IReadOnlyList<Line> For(string step) => step switch
    {
        "submit" => [new(NotificationKinds.Submitted, [Audience.Clerk])],
        "return" => [new(NotificationKinds.Returned, [Audience.Initiator])],
        "register" => [new(NotificationKinds.Registered, [Audience.Initiator, Audience.Director])],
        // An approval both decides (the initiator learns it) and opens the journal (the zavuch must act, by a deadline).
        "approve" => [new(NotificationKinds.Decided, [Audience.Initiator]), new(NotificationKinds.UnlockGranted, [Audience.Zavuch])],
        "approve-pending-protocol" or "reject" => [new(NotificationKinds.Decided, [Audience.Initiator, Audience.Zavuch])],
        "escalate" => [new(NotificationKinds.Escalated, [Audience.Department])],
        "department-approve" => [new(NotificationKinds.DepartmentDecision, [Audience.Initiator, Audience.Director]), new(NotificationKinds.UnlockGranted, [Audience.Zavuch])],
        "department-approve-pending-protocol" or "department-reject" => [new(NotificationKinds.DepartmentDecision, [Audience.Initiator, Audience.Director, Audience.Zavuch])],
        "upload-protocol" or "regrant-unlock" => [new(NotificationKinds.UnlockGranted, [Audience.Zavuch])],
        "timer:unlock-ending" => [new(NotificationKinds.UnlockEnding, [Audience.Zavuch])],
        "unlock-expire" => [new(NotificationKinds.UnlockExpired, [Audience.Zavuch, Audience.Director])],
        "timer:decision-reminder" => [new(NotificationKinds.DecisionReminder, [Audience.Director])],
        // The clerk files the papers next.
        "apply" => [new(NotificationKinds.ChangeApplied, [Audience.Initiator, Audience.Clerk])],
        "file" => [new(NotificationKinds.Filed, [Audience.Initiator])],
        _ => [],
    };
}
