namespace Corrections.Workflows.Records;

/// <summary>
/// A registered document and its registration-control card (регистрационно-контрольная карточка):
/// kind, author, addressee, number and date, date received, summary, sheets, attachments, case,
/// linked request, resolution, control and access marks, and later the filing mark.
/// </summary>
public sealed class RegisteredDocument : Organisation.ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public DocumentKind Kind { get; set; }
    public required string Number { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    /// <summary>The school's local date of registration.</summary>
    public DateOnly RegisteredOn { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public required string Author { get; set; }
    public required string Addressee { get; set; }
    public required string Summary { get; set; }
    public int Sheets { get; set; }
    public int AttachmentsCount { get; set; }
    public int AttachmentsSheets { get; set; }
    public required string CaseIndex { get; set; }
    /// <summary>The correction request this document belongs to.</summary>
    public Guid? RequestId { get; set; }
    /// <summary>
    /// The document this one answers or accompanies: the outgoing letter links the request's card,
    /// the department's decision links the outgoing letter.
    /// </summary>
    public Guid? LinkedDocumentId { get; set; }
    public string? Resolution { get; set; }
    /// <summary>Under control: a decision is due by a date.</summary>
    public bool OnControl { get; set; }
    /// <summary>«Содержит персональные данные» for every request: it names a minor and their marks.</summary>
    public string? AccessRestriction { get; set; }
    /// <summary>«В дело № … от …», set when the papers are filed.</summary>
    public string? FilingMark { get; set; }
    /// <summary>The case the document was filed into, and when (school's local date).</summary>
    public Guid? FiledCaseId { get; set; }
    public DateOnly? FiledOn { get; set; }
    public Guid RegisteredById { get; set; }
}
