using Corrections.Workflows.Locking;

namespace Corrections.Workflows.Tests.Locking;

/// <summary>
/// Kamchatka is UTC+12, Moscow UTC+3. A current mark for a lesson on 10.11 under the Krasnodar letter
/// locks at local midnight starting 13.11: 12:00 UTC on 12.11 in Kamchatka, 21:00 UTC in Moscow.
/// </summary>
public sealed class LocalMidnightTests
{
    private const string Kamchatka = "Asia/Kamchatka", Moscow = "Europe/Moscow";

    private static LockStatus CurrentMark(string zone, string utc, string lesson = "10.11.2025")
        => LockEvaluator.Evaluate(LockPresets.KrasnodarLetter2017(), EntryKind.CurrentMark, Dates.Parse(lesson), null, zone, FixedTimeProvider.AtUtc(utc));

    [Fact]
    public void One_second_before_its_local_midnight_a_kamchatka_school_can_still_edit()
    {
        var status = Assert.IsType<LockStatus.Editable>(CurrentMark(Kamchatka, "2025-11-12T11:59:59Z"));

        Assert.Equal(Dates.Parse("12.11.2025"), status.LocalToday);
        Assert.Equal(Dates.Parse("12.11.2025"), status.EditableThrough);
    }

    [Fact]
    public void At_its_local_midnight_a_kamchatka_school_is_locked_while_a_moscow_school_at_the_same_instant_is_not()
    {
        var kamchatka = Assert.IsType<LockStatus.Locked>(CurrentMark(Kamchatka, "2025-11-12T12:00:00Z"));
        var moscow = Assert.IsType<LockStatus.Editable>(CurrentMark(Moscow, "2025-11-12T12:00:00Z"));

        Assert.Equal(Dates.Parse("13.11.2025"), kamchatka.LockedSince);
        Assert.Equal(Dates.Parse("13.11.2025"), kamchatka.LocalToday);
        Assert.Equal(Dates.Parse("12.11.2025"), moscow.LocalToday);
        Assert.Equal(Dates.Parse("12.11.2025"), moscow.EditableThrough);
    }

    [Fact]
    public void A_moscow_school_locks_at_its_own_midnight_nine_hours_later()
    {
        Assert.IsType<LockStatus.Editable>(CurrentMark(Moscow, "2025-11-12T20:59:59Z"));
        Assert.IsType<LockStatus.Locked>(CurrentMark(Moscow, "2025-11-12T21:00:00Z"));
    }

    [Fact]
    public void After_its_local_midnight_kamchatka_may_mark_the_new_day_while_moscow_at_the_same_instant_may_not_yet()
    {
        // 11.11 12:00 UTC: already 12.11 in Kamchatka, still 11.11 in Moscow.
        Assert.IsType<LockStatus.NotYetAllowed>(CurrentMark(Kamchatka, "2025-11-11T11:59:59Z", lesson: "12.11.2025"));
        Assert.IsType<LockStatus.Editable>(CurrentMark(Kamchatka, "2025-11-11T12:00:00Z", lesson: "12.11.2025"));
        Assert.IsType<LockStatus.NotYetAllowed>(CurrentMark(Moscow, "2025-11-11T12:00:00Z", lesson: "12.11.2025"));
    }
}
