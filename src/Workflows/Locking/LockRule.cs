namespace Corrections.Workflows.Locking;

/// <summary>How a lock window is measured. Values are stored, so they are explicit.</summary>
public enum LockWindowUnit
{
    /// <summary>The entry never locks by time.</summary>
    Never = 1,

    /// <summary>Calendar days (the regulations count calendar days, not working days).</summary>
    Days = 2,

    /// <summary>Calendar months («в течение месяца»), clamped to the end of a shorter month.</summary>
    Months = 3,
}

/// <summary>The date a lock window is counted from. Values are stored, so they are explicit.</summary>
public enum LockAnchor
{
    /// <summary>The date of the lesson or of the work («после фактического проведения урока / работы»).</summary>
    EntryDate = 1,

    /// <summary>The last day of the study period («после окончания каждого учебного периода»).</summary>
    PeriodEnd = 2,
}

/// <summary>
/// The lock window of one kind of entry. «Запрет редактирования по прошествии N дней после X» is read
/// as: the entry stays editable through the local date X + N inclusive and is locked from the next local
/// midnight. So 2 days from a lesson on 10.11 means editable through 12.11 and locked from 13.11 00:00.
/// </summary>
public sealed record LockRule
{
    /// <param name="length">Days or months; 0 allowed (editable on the anchor date only); must be 0 for <see cref="LockWindowUnit.Never"/>.</param>
    public LockRule(LockWindowUnit unit, int length, LockAnchor countedFrom)
    {
        if (!Enum.IsDefined(unit))
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown lock window unit.");
        if (!Enum.IsDefined(countedFrom))
            throw new ArgumentOutOfRangeException(nameof(countedFrom), countedFrom, "Unknown lock anchor.");
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (unit == LockWindowUnit.Never && length != 0)
            throw new ArgumentOutOfRangeException(nameof(length), length, "A rule that never locks has no length.");

        Unit = unit;
        Length = length;
        CountedFrom = countedFrom;
    }

    /// <summary>Never locks. Counted from the entry date so that it never asks for a period end.</summary>
    public static LockRule Never { get; } = new(LockWindowUnit.Never, 0, LockAnchor.EntryDate);

    public static LockRule Days(int days, LockAnchor countedFrom) => new(LockWindowUnit.Days, days, countedFrom);

    public static LockRule Months(int months, LockAnchor countedFrom) => new(LockWindowUnit.Months, months, countedFrom);

    // Get-only, so a `with` expression cannot build a rule the constructor would refuse.
    public LockWindowUnit Unit { get; }
    public int Length { get; }
    public LockAnchor CountedFrom { get; }

    public bool NeverLocks => Unit == LockWindowUnit.Never;

    /// <summary>The last local date on which an entry anchored at <paramref name="anchor"/> is still editable.</summary>
    /// <exception cref="InvalidOperationException">The rule never locks.</exception>
    public DateOnly LastEditableDay(DateOnly anchor) => Unit switch
    {
        LockWindowUnit.Days => anchor.AddDays(Length),
        // AddMonths clamps: one month from 31.01 is 28.02 (29.02 in a leap year), never 03.03.
        LockWindowUnit.Months => anchor.AddMonths(Length),
        _ => throw new InvalidOperationException("A rule that never locks has no last editable day."),
    };
}
