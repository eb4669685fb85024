using Corrections.Workflows.Locking;

namespace Corrections.Workflows.Tests.Locking;

/// <summary>The edge every rule has: its last editable day, and the first locked day right after it.</summary>
internal static class LockAssert
{
    private const string Moscow = "Europe/Moscow";

    public static void EditableThroughThenLocked(LockPolicy policy, EntryKind kind, string entryDate, string? periodEnd, string lastEditableDay)
    {
        var entry = Dates.Parse(entryDate);
        DateOnly? end = periodEnd is null ? null : Dates.Parse(periodEnd);
        var last = Dates.Parse(lastEditableDay);

        var onLastDay = LockEvaluator.Evaluate(policy, kind, entry, end, Moscow, FixedTimeProvider.MoscowNoonOn(last));
        var onNextDay = LockEvaluator.Evaluate(policy, kind, entry, end, Moscow, FixedTimeProvider.MoscowNoonOn(last.AddDays(1)));

        Assert.Equal(last, Assert.IsType<LockStatus.Editable>(onLastDay).EditableThrough);
        Assert.Equal(last.AddDays(1), Assert.IsType<LockStatus.Locked>(onNextDay).LockedSince);
    }
}
