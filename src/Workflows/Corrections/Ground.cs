namespace Corrections.Workflows.Corrections;

/// <summary>
/// A documented valid reason for a change after the lock (point 2.1 and the schools' regulations),
/// from the school's own list, naming the document types that prove it.
/// </summary>
public sealed class Ground : Organisation.ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    /// <summary>A retake: the mark is entered on the basis of the retake protocol (point 2.4).</summary>
    public bool IsRetake { get; set; }
    /// <summary>Codes of <see cref="DocumentTypes"/> the request must carry.</summary>
    public List<string> RequiredDocuments { get; set; } = [];
    public bool IsActive { get; set; } = true;
}

/// <summary>The kinds of scanned document a request may carry.</summary>
public static class DocumentTypes
{
    public const string MedicalCertificate = "medical-certificate";
    public const string ParentApplication = "parent-application";
    public const string RetakeProtocol = "retake-protocol";
    public const string ExplanatoryNote = "explanatory-note";
    public const string ConflictCommissionDecision = "conflict-commission-decision";
    public const string AuditReport = "audit-report";
    public const string Order = "order";

    public static IReadOnlyList<string> All { get; } = [MedicalCertificate, ParentApplication, RetakeProtocol, ExplanatoryNote, ConflictCommissionDecision, AuditReport, Order];
}

/// <summary>The grounds a new school starts with, from the Krasnodar letter (2.1) and schools № 53 and № 3.</summary>
public static class DefaultGrounds
{
    public static IEnumerable<Ground> For(Guid schoolId) =>
    [
        New(schoolId, "illness", "Пропуск урока по болезни", false, DocumentTypes.MedicalCertificate),
        New(schoolId, "valid-absence", "Пропуск урока по иной уважительной причине", false, DocumentTypes.ParentApplication),
        New(schoolId, "retake", "Пересдача по уважительной причине", true, DocumentTypes.RetakeProtocol),
        New(schoolId, "academic-debt", "Ликвидация академической задолженности", true, DocumentTypes.RetakeProtocol),
        New(schoolId, "teacher-error", "Ошибочно выставленная отметка (заявление учителя с объяснительной запиской)", false, DocumentTypes.ExplanatoryNote),
        New(schoolId, "teacher-illness", "Отсутствие учителя по болезни", false, DocumentTypes.MedicalCertificate),
        New(schoolId, "audit-finding", "Необъективность отметки, выявленная при проверке", false, DocumentTypes.AuditReport),
        New(schoolId, "conflict-commission", "Обращение родителя, удовлетворённое комиссией по урегулированию споров", false, DocumentTypes.ConflictCommissionDecision),
        New(schoolId, "re-attestation", "Повторная аттестация", true, DocumentTypes.RetakeProtocol),
    ];

    private static Ground New(Guid schoolId, string code, string title, bool retake, params string[] documents)
        => new() { Id = Guid.CreateVersion7(), SchoolId = schoolId, Code = code, Title = title, IsRetake = retake, RequiredDocuments = [.. documents] };
}
