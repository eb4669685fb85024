using Corrections.Workflows.Locking;

namespace Corrections.Workflows.Tests.Locking;

/// <summary>The evaluator on a hand-made policy; the presets have their own tests.</summary>
public sealed class LockEvaluatorTests
{
    private const string Moscow = "Europe/Moscow";

    private static readonly LockPolicy Policy = new(
        "test",
        currentMark: LockRule.Days(2, LockAnchor.EntryDate),
        attendance: LockRule.Days(2, LockAnchor.EntryDate),
        controlWork: LockRule.Days(7, LockAnchor.EntryDate),
        practicalWork: LockRule.Never,
        writtenWork: LockRule.Months(1, LockAnchor.EntryDate),
        periodMark: LockRule.Days(7, LockAnchor.PeriodEnd),
        noMarksAhead: true);

    private static LockStatus At(string moscowDate, EntryKind kind, string entryDate, string? periodEnd = null, LockPolicy? policy = null)
        => LockEvaluator.Evaluate(
            policy ?? Policy,
            kind,
            Dates.Parse(entryDate),
            periodEnd is null ? null : Dates.Parse(periodEnd),
            Moscow,
            FixedTimeProvider.MoscowNoonOn(moscowDate));

    [Fact]
    public void An_entry_is_editable_on_its_own_day_and_the_status_says_until_when()
    {
        var status = Assert.IsType<LockStatus.Editable>(At("10.11.2025", EntryKind.CurrentMark, "10.11.2025"));

        Assert.Equal(Dates.Parse("12.11.2025"), status.EditableThrough);
        Assert.Equal(Dates.Parse("10.11.2025"), status.LocalToday);
    }

    [Fact]
    public void A_locked_entry_says_since_when_and_which_day_was_the_last_editable_one()
    {
        var status = Assert.IsType<LockStatus.Locked>(At("20.11.2025", EntryKind.CurrentMark, "10.11.2025"));

        Assert.Equal(Dates.Parse("13.11.2025"), status.LockedSince);
        Assert.Equal(Dates.Parse("12.11.2025"), status.LastEditableDay);
        Assert.Equal(Dates.Parse("20.11.2025"), status.LocalToday);
    }

    [Fact]
    public void A_mark_for_a_date_after_the_schools_today_is_refused_when_marks_ahead_are_forbidden()
    {
        var status = Assert.IsType<LockStatus.NotYetAllowed>(At("10.11.2025", EntryKind.CurrentMark, "11.11.2025"));

        Assert.Equal(Dates.Parse("11.11.2025"), status.EntryDate);
        Assert.Equal(Dates.Parse("10.11.2025"), status.LocalToday);
    }

    [Theory]
    [InlineData(EntryKind.Attendance)]
    [InlineData(EntryKind.PracticalWork)]
    [InlineData(EntryKind.PeriodMark)]
    public void Marks_ahead_are_refused_for_every_kind_even_one_that_never_locks(EntryKind kind)
    {
        Assert.IsType<LockStatus.NotYetAllowed>(At("10.11.2025", kind, "11.11.2025", periodEnd: "26.12.2025"));
    }

    [Fact]
    public void A_mark_ahead_is_editable_when_the_policy_allows_marks_ahead()
    {
        var lenient = Policy with { NoMarksAhead = false };

        var status = Assert.IsType<LockStatus.Editable>(At("10.11.2025", EntryKind.CurrentMark, "11.11.2025", policy: lenient));

        Assert.Equal(Dates.Parse("13.11.2025"), status.EditableThrough);
    }

    [Fact]
    public void A_rule_that_never_locks_is_editable_with_no_end_date_and_needs_no_period_end()
    {
        var status = Assert.IsType<LockStatus.Editable>(At("31.05.2026", EntryKind.PracticalWork, "01.09.2025"));

        Assert.Null(status.EditableThrough);
    }

    [Theory]
    [InlineData("02.01.2026", typeof(LockStatus.Editable))]
    [InlineData("03.01.2026", typeof(LockStatus.Locked))]
    public void A_period_mark_is_counted_from_the_end_of_the_period_not_from_the_day_it_was_entered(string today, Type expected)
    {
        // Entered a week before the period ends: counted from the entry date it would have locked on 18.12.
        var status = At(today, EntryKind.PeriodMark, "10.12.2025", periodEnd: "26.12.2025");

        Assert.IsType(expected, status);
    }

    [Fact]
    public void A_period_mark_without_the_period_end_is_an_argument_error_naming_the_parameter()
    {
        var error = Assert.Throws<ArgumentException>(() => At("10.11.2025", EntryKind.PeriodMark, "10.11.2025"));

        Assert.Equal("periodEnd", error.ParamName);
        Assert.Contains("PeriodMark", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_period_end_fails_even_for_a_mark_ahead_so_the_error_does_not_depend_on_the_date()
    {
        Assert.Throws<ArgumentException>(() => At("10.11.2025", EntryKind.PeriodMark, "20.11.2025"));
    }

    [Fact]
    public void A_period_end_given_for_a_lesson_dated_entry_is_ignored()
    {
        var status = Assert.IsType<LockStatus.Editable>(At("10.11.2025", EntryKind.ControlWork, "10.11.2025", periodEnd: "26.12.2025"));

        Assert.Equal(Dates.Parse("17.11.2025"), status.EditableThrough);
    }

    [Fact]
    public void The_overload_with_a_known_local_date_decides_the_same_as_the_clock()
    {
        var viaClock = At("12.11.2025", EntryKind.CurrentMark, "10.11.2025");

        var viaDate = LockEvaluator.Evaluate(Policy, EntryKind.CurrentMark, Dates.Parse("10.11.2025"), null, Dates.Parse("12.11.2025"));

        Assert.Equal(viaClock, viaDate);
    }
}
