using Corrections.Workflows.Locking;

namespace Corrections.Workflows.Tests.Locking;

public sealed class LockRuleTests
{
    [Fact]
    public void Two_days_from_a_lesson_on_the_tenth_leave_it_editable_through_the_twelfth()
    {
        var rule = LockRule.Days(2, LockAnchor.EntryDate);

        Assert.Equal(Dates.Parse("12.11.2025"), rule.LastEditableDay(Dates.Parse("10.11.2025")));
    }

    [Theory]
    [InlineData("15.01.2025", "15.02.2025")]
    [InlineData("31.01.2025", "28.02.2025")]
    [InlineData("31.01.2024", "29.02.2024")]
    [InlineData("30.11.2025", "30.12.2025")]
    [InlineData("31.12.2025", "31.01.2026")]
    public void A_calendar_month_ends_on_the_same_day_number_or_on_the_last_day_of_a_shorter_month(string anchor, string lastEditable)
    {
        var rule = LockRule.Months(1, LockAnchor.EntryDate);

        Assert.Equal(Dates.Parse(lastEditable), rule.LastEditableDay(Dates.Parse(anchor)));
    }

    [Fact]
    public void A_zero_day_window_leaves_only_the_anchor_day_itself()
    {
        var rule = LockRule.Days(0, LockAnchor.PeriodEnd);

        Assert.Equal(Dates.Parse("26.12.2025"), rule.LastEditableDay(Dates.Parse("26.12.2025")));
    }

    [Fact]
    public void A_rule_that_never_locks_has_no_last_editable_day()
    {
        Assert.True(LockRule.Never.NeverLocks);
        Assert.Throws<InvalidOperationException>(() => LockRule.Never.LastEditableDay(Dates.Parse("10.11.2025")));
    }

    [Fact]
    public void A_negative_window_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LockRule.Days(-1, LockAnchor.EntryDate));
        Assert.Throws<ArgumentOutOfRangeException>(() => LockRule.Months(-1, LockAnchor.EntryDate));
    }

    [Fact]
    public void A_never_rule_with_a_length_or_an_unknown_unit_or_anchor_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LockRule(LockWindowUnit.Never, 3, LockAnchor.EntryDate));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LockRule((LockWindowUnit)0, 3, LockAnchor.EntryDate));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LockRule(LockWindowUnit.Days, 3, (LockAnchor)9));
    }

    [Fact]
    public void Rules_with_the_same_window_are_equal_so_a_stored_rule_reads_back_as_the_same_rule()
    {
        Assert.Equal(LockRule.Days(7, LockAnchor.PeriodEnd), new LockRule(LockWindowUnit.Days, 7, LockAnchor.PeriodEnd));
        Assert.NotEqual(LockRule.Days(7, LockAnchor.PeriodEnd), LockRule.Days(7, LockAnchor.EntryDate));
        Assert.NotEqual(LockRule.Days(1, LockAnchor.EntryDate), LockRule.Months(1, LockAnchor.EntryDate));
    }
}
