using Corrections.Workflows.Locking;

namespace Corrections.Workflows.Tests.Locking;

public sealed class LockPolicyTests
{
    // Distinct lengths, so a rule answered for the wrong kind shows.
    private static LockPolicy Distinct() => new(
        "test",
        currentMark: LockRule.Days(1, LockAnchor.EntryDate),
        attendance: LockRule.Days(2, LockAnchor.EntryDate),
        controlWork: LockRule.Days(3, LockAnchor.EntryDate),
        practicalWork: LockRule.Days(4, LockAnchor.EntryDate),
        writtenWork: LockRule.Days(5, LockAnchor.EntryDate),
        periodMark: LockRule.Days(6, LockAnchor.PeriodEnd),
        noMarksAhead: true);

    [Theory]
    [InlineData(EntryKind.CurrentMark, 1)]
    [InlineData(EntryKind.Attendance, 2)]
    [InlineData(EntryKind.ControlWork, 3)]
    [InlineData(EntryKind.PracticalWork, 4)]
    [InlineData(EntryKind.WrittenWork, 5)]
    [InlineData(EntryKind.PeriodMark, 6)]
    public void Each_kind_of_entry_gets_its_own_rule(EntryKind kind, int days)
    {
        Assert.Equal(days, Distinct().RuleFor(kind).Length);
    }

    [Fact]
    public void Every_kind_of_entry_is_covered()
    {
        var policy = Distinct();

        foreach (var kind in Enum.GetValues<EntryKind>())
            Assert.NotNull(policy.RuleFor(kind));
    }

    [Fact]
    public void A_school_override_replaces_one_kind_and_keeps_the_rest_of_the_municipal_policy()
    {
        var municipal = Distinct();

        var school = municipal.WithRule(EntryKind.WrittenWork, LockRule.Never);

        Assert.Same(LockRule.Never, school.WrittenWork);
        Assert.Equal(5, municipal.WrittenWork.Length);
        Assert.Equal(municipal with { WrittenWork = LockRule.Never }, school);
        Assert.Equal(municipal.CurrentMark, school.CurrentMark);
        Assert.True(school.NoMarksAhead);
    }

    [Fact]
    public void A_policy_without_a_name_or_with_a_missing_rule_is_refused_also_through_with()
    {
        var policy = Distinct();

        Assert.Throws<ArgumentException>(() => policy with { Name = " " });
        Assert.Throws<ArgumentNullException>(() => policy with { PeriodMark = null! });
        Assert.Throws<ArgumentNullException>(() => new LockPolicy("x", null!, LockRule.Never, LockRule.Never, LockRule.Never, LockRule.Never, LockRule.Never, false));
    }

    [Fact]
    public void An_unknown_kind_of_entry_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Distinct().RuleFor((EntryKind)42));
    }
}
