using Corrections.Workflows.Locking;

namespace Corrections.Workflows.Tests.Locking;

/// <summary>Item 13 of the ЕИСУ МО procedure of school № 14, Sergiev Posad (seed 003): the administrator's choice.</summary>
public sealed class EisuPresetTests
{
    private static readonly EntryKind[] LessonDatedMarks = [EntryKind.CurrentMark, EntryKind.ControlWork, EntryKind.PracticalWork, EntryKind.WrittenWork];

    [Theory]
    [InlineData(EisuEditWindow.OneWeek, "10.11.2025", "17.11.2025")]
    [InlineData(EisuEditWindow.TwoWeeks, "10.11.2025", "24.11.2025")]
    [InlineData(EisuEditWindow.ThreeWeeks, "10.11.2025", "01.12.2025")]
    [InlineData(EisuEditWindow.OneMonth, "10.11.2025", "10.12.2025")]
    // A month across a month end: from 31.01 to the last day of February, locked from 1 March.
    [InlineData(EisuEditWindow.OneMonth, "31.01.2025", "28.02.2025")]
    [InlineData(EisuEditWindow.OneMonth, "30.01.2024", "29.02.2024")]
    [InlineData(EisuEditWindow.OneMonth, "30.11.2025", "30.12.2025")]
    public void The_administrators_window_counts_from_the_lesson_for_every_lesson_dated_mark(EisuEditWindow choice, string lesson, string lastEditableDay)
    {
        var policy = LockPresets.EisuMoSchool14(choice);

        foreach (var kind in LessonDatedMarks)
            LockAssert.EditableThroughThenLocked(policy, kind, lesson, null, lastEditableDay);
    }

    [Fact]
    public void With_never_chosen_a_mark_from_september_is_still_editable_at_the_end_of_may_with_no_end_date()
    {
        var policy = LockPresets.EisuMoSchool14(EisuEditWindow.Never);

        foreach (var kind in LessonDatedMarks)
        {
            var status = LockEvaluator.Evaluate(policy, kind, Dates.Parse("01.09.2025"), null, "Europe/Moscow", FixedTimeProvider.MoscowNoonOn("31.05.2026"));

            Assert.Null(Assert.IsType<LockStatus.Editable>(status).EditableThrough);
        }
    }

    [Theory]
    [InlineData(EisuEditWindow.Never)]
    [InlineData(EisuEditWindow.OneWeek)]
    [InlineData(EisuEditWindow.TwoWeeks)]
    [InlineData(EisuEditWindow.ThreeWeeks)]
    [InlineData(EisuEditWindow.OneMonth)]
    public void Attendance_keeps_two_days_and_period_marks_seven_days_after_the_period_whatever_the_choice(EisuEditWindow choice)
    {
        var policy = LockPresets.EisuMoSchool14(choice);

        LockAssert.EditableThroughThenLocked(policy, EntryKind.Attendance, "10.11.2025", null, "12.11.2025");
        LockAssert.EditableThroughThenLocked(policy, EntryKind.PeriodMark, "26.12.2025", "26.12.2025", "02.01.2026");
        Assert.True(policy.NoMarksAhead);
    }

    [Fact]
    public void The_policy_name_carries_the_administrators_choice_and_an_unknown_choice_is_refused()
    {
        Assert.Contains("«Через месяц»", LockPresets.EisuMoSchool14(EisuEditWindow.OneMonth).Name, StringComparison.Ordinal);
        Assert.Contains("«Никогда»", LockPresets.EisuMoSchool14(EisuEditWindow.Never).Name, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => LockPresets.EisuMoSchool14((EisuEditWindow)0));
    }
}
