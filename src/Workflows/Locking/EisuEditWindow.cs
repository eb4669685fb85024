namespace Corrections.Workflows.Locking;

/// <summary>
/// The edit window an ЕИСУ МО school administrator chooses for marks (seed 003, item 13): the labels
/// of the setting are «Никогда», «Через неделю», «Через 2 недели», «Через 3 недели», «Через месяц».
/// Values are stored, so they are explicit.
/// </summary>
public enum EisuEditWindow
{
    /// <summary>«Никогда»: marks never lock.</summary>
    Never = 1,

    /// <summary>«Через неделю»: 7 days after the lesson.</summary>
    OneWeek = 2,

    /// <summary>«Через 2 недели»: 14 days after the lesson.</summary>
    TwoWeeks = 3,

    /// <summary>«Через 3 недели»: 21 days after the lesson.</summary>
    ThreeWeeks = 4,

    /// <summary>«Через месяц»: one calendar month after the lesson.</summary>
    OneMonth = 5,
}
