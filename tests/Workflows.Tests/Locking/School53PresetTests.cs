using Corrections.Workflows.Locking;

namespace Corrections.Workflows.Tests.Locking;

/// <summary>Sections 3.8 and 6.3 of the regulation of school № 53, Krasnodar (seed 001).</summary>
public sealed class School53PresetTests
{
    [Theory]
    // «по прошествии 10 дней после фактического проведения урока»
    [InlineData(EntryKind.CurrentMark, "10.11.2025", null, "20.11.2025")]
    [InlineData(EntryKind.Attendance, "10.11.2025", null, "20.11.2025")]
    // «практические работы в рамках внутреннего мониторинга … по прошествии семи дней»
    [InlineData(EntryKind.PracticalWork, "10.11.2025", null, "17.11.2025")]
    // Not named in the regulation: the internal-monitoring 7 days.
    [InlineData(EntryKind.ControlWork, "10.11.2025", null, "17.11.2025")]
    // «письменные работы (сочинения …) по прошествии десяти дней»
    [InlineData(EntryKind.WrittenWork, "10.11.2025", null, "20.11.2025")]
    // «итоговые отметки по прошествии 5 дней», from the period end.
    [InlineData(EntryKind.PeriodMark, "26.12.2025", "26.12.2025", "31.12.2025")]
    public void Each_rule_of_school_53_locks_the_day_after_its_last_editable_day(
        EntryKind kind, string entryDate, string? periodEnd, string lastEditableDay)
    {
        LockAssert.EditableThroughThenLocked(LockPresets.KrasnodarSchool53(), kind, entryDate, periodEnd, lastEditableDay);
    }

    [Fact]
    public void School_53_refuses_marks_ahead()
    {
        var status = LockEvaluator.Evaluate(
            LockPresets.KrasnodarSchool53(), EntryKind.CurrentMark, Dates.Parse("11.11.2025"), null, "Europe/Moscow", FixedTimeProvider.MoscowNoonOn("10.11.2025"));

        Assert.IsType<LockStatus.NotYetAllowed>(status);
    }
}
