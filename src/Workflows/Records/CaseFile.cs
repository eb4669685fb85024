namespace Corrections.Workflows.Records;

/// <summary>
/// A case of the school's nomenclature of cases (номенклатура дел) for a calendar year, e.g.
/// «01-12 Заявления о внесении изменений в электронный журнал — 25 лет».
/// </summary>
public sealed class CaseFile : Organisation.ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public int Year { get; set; }
    public required string Index { get; set; }
    public required string Title { get; set; }
    /// <summary>Years to keep; null is «постоянно» (permanent).</summary>
    public int? RetentionYears { get; set; }
    public string? Note { get; set; }
    /// <summary>The executed act of destruction that destroyed what the case held; the nomenclature line stays.</summary>
    public Guid? DestroyedByActId { get; set; }

    /// <summary>
    /// The first day its papers may be destroyed: retention is counted from 1 January of the year
    /// after the case's year (the records-management rule), so a 2026 case kept 5 years may go on
    /// 1 January 2032. Null for permanent keeping.
    /// </summary>
    public DateOnly? RetentionEndsOn => RetentionYears is { } years ? new DateOnly(Year + years + 1, 1, 1) : null;

    public bool IsPastRetention(DateOnly today) => RetentionEndsOn is { } end && today >= end;
}

/// <summary>The cases a new school starts with: what the procedure files, with the retention the sources give.</summary>
public static class DefaultCases
{
    public const string Requests = "01-12";
    public const string Correspondence = "01-13";
    public const string SummarySheets = "01-14";
    public const string DestructionActs = "01-15";

    public static IEnumerable<CaseFile> For(Guid schoolId, int year) =>
    [
        New(schoolId, year, Requests, "Заявления (служебные записки) о внесении изменений в электронный журнал", 25),
        New(schoolId, year, Correspondence, "Переписка с управлением образования по вопросам ведения электронного журнала", 5),
        New(schoolId, year, SummarySheets, "Сводные ведомости учёта успеваемости обучающихся с таблицами учёта изменений в электронном журнале", 25),
        New(schoolId, year, DestructionActs, "Акты о выделении к уничтожению документов, не подлежащих хранению", null),
    ];

    private static CaseFile New(Guid schoolId, int year, string index, string title, int? years)
        => new() { Id = Guid.CreateVersion7(), SchoolId = schoolId, Year = year, Index = index, Title = title, RetentionYears = years };
}
