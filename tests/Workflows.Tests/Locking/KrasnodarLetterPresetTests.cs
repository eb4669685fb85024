using Corrections.Workflows.Locking;

namespace Corrections.Workflows.Tests.Locking;

/// <summary>Point 1 of the Krasnodar letter of 28.09.2017 № 30-6417-09 (seed 000).</summary>
public sealed class KrasnodarLetterPresetTests
{
    [Theory]
    // «по прошествии 2-х дней после фактического проведения урока»: lesson 10.11, editable through 12.11, locked from 13.11.
    [InlineData(EntryKind.CurrentMark, "10.11.2025", null, "12.11.2025")]
    [InlineData(EntryKind.Attendance, "10.11.2025", null, "12.11.2025")]
    // «контрольную работу в рамках внутреннего мониторинга … по прошествии 7-и дней»
    [InlineData(EntryKind.ControlWork, "10.11.2025", null, "17.11.2025")]
    // «сочинения по русскому языку и литературе в 10-х – 11-х классах … по прошествии 14 дней»
    [InlineData(EntryKind.WrittenWork, "10.11.2025", null, "24.11.2025")]
    // «по прошествии 7 дней после окончания каждого учебного периода»: a half ending 26.12, across the new year.
    [InlineData(EntryKind.PeriodMark, "26.12.2025", "26.12.2025", "02.01.2026")]
    // Not in the letter: locks like a current mark.
    [InlineData(EntryKind.PracticalWork, "10.11.2025", null, "12.11.2025")]
    public void Each_default_rule_leaves_the_entry_editable_through_its_last_day_and_locks_it_the_next(
        EntryKind kind, string entryDate, string? periodEnd, string lastEditableDay)
    {
        LockAssert.EditableThroughThenLocked(LockPresets.KrasnodarLetter2017(), kind, entryDate, periodEnd, lastEditableDay);
    }

    [Fact]
    public void The_letter_preset_refuses_marks_ahead_and_names_the_letter()
    {
        var policy = LockPresets.KrasnodarLetter2017();

        Assert.True(policy.NoMarksAhead);
        Assert.Contains("30-6417-09", policy.Name, StringComparison.Ordinal);
    }
}
