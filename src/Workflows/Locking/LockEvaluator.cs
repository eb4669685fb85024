namespace Corrections.Workflows.Locking;

/// <summary>
/// Decides whether a journal entry can still be changed directly (point 1 of the regulation) or
/// needs a correction request (point 2). Pure: the caller supplies the policy, the dates and the clock.
/// </summary>
public static class LockEvaluator
{
    /// <param name="entryDate">The lesson or work date the entry is recorded for (for a period mark, the date it is recorded on).</param>
    /// <param name="periodEnd">The last day of the entry's study period; required when the kind's rule counts from it.</param>
    /// <param name="schoolTimeZoneId">The school's IANA time zone id, e.g. «Asia/Kamchatka».</param>
    /// <exception cref="ArgumentException">The rule counts from the period end and none was given, or the time zone is unknown.</exception>
    public static LockStatus Evaluate(
        LockPolicy policy,
        EntryKind kind,
        DateOnly entryDate,
        DateOnly? periodEnd,
        string schoolTimeZoneId,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var rule = policy.RuleFor(kind);
        var anchor = Anchor(rule, kind, entryDate, periodEnd);
        return Decide(policy.NoMarksAhead, rule, entryDate, anchor, SchoolClock.Today(schoolTimeZoneId, time));
    }

    /// <summary>The same decision for a local date already known, e.g. once for a whole page of entries.</summary>
    public static LockStatus Evaluate(LockPolicy policy, EntryKind kind, DateOnly entryDate, DateOnly? periodEnd, DateOnly localToday)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var rule = policy.RuleFor(kind);
        return Decide(policy.NoMarksAhead, rule, entryDate, Anchor(rule, kind, entryDate, periodEnd), localToday);
    }

    private static LockStatus Decide(bool noMarksAhead, LockRule rule, DateOnly entryDate, DateOnly anchor, DateOnly localToday)
    {
        // A future entry is refused before any window is looked at: there is nothing yet to edit.
        if (noMarksAhead && entryDate > localToday)
            return new LockStatus.NotYetAllowed(localToday, entryDate);

        if (rule.NeverLocks)
            return new LockStatus.Editable(localToday, null);

        var lastEditable = rule.LastEditableDay(anchor);
        return localToday <= lastEditable
            ? new LockStatus.Editable(localToday, lastEditable)
            : new LockStatus.Locked(localToday, lastEditable.AddDays(1));
    }

    // Checked before the clock is read, so a missing period end fails the same way whatever the date.
    // A rule that never locks needs no anchor, so it never asks for a period end.
    private static DateOnly Anchor(LockRule rule, EntryKind kind, DateOnly entryDate, DateOnly? periodEnd) => rule.CountedFrom switch
    {
        _ when rule.NeverLocks => entryDate,
        LockAnchor.EntryDate => entryDate,
        LockAnchor.PeriodEnd => periodEnd ?? throw new ArgumentException(
            $"The lock rule for {kind} counts from the end of the study period; pass the period's end date.", nameof(periodEnd)),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.CountedFrom, "Unknown lock anchor."),
    };
}
