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
}

/// <summary>The cases a new school starts with: what the procedure files, with the retention the sources give.</summary>
public static class DefaultCases
{
    public const string Requests = "01-12";
    public const string Correspondence = "01-13";
    public const string SummarySheets = "01-14";

    public static IEnumerable<CaseFile> For(Guid schoolId, int year) =>
    [
        New(schoolId, year, Requests, "Заявления (служебные записки) о внесении изменений в электронный журнал", 25),
        New(schoolId, year, Correspondence, "Переписка с управлением образования по вопросам ведения электронного журнала", 5),
        New(schoolId, year, SummarySheets, "Сводные ведомости учёта успеваемости обучающихся с таблицами учёта изменений в электронном журнале", 25),
    ];

    private static CaseFile New(Guid schoolId, int year, string index, string title, int? years)
        => new() { Id = Guid.CreateVersion7(), SchoolId = schoolId, Year = year, Index = index, Title = title, RetentionYears = years };
}
