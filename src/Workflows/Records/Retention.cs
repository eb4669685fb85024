using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Workflows.Records;

public enum DestructionActStatus
{
    /// <summary>Drawn up by the clerk, awaiting the director's approval («УТВЕРЖДАЮ»).</summary>
    Draft = 1,
    Approved = 2,
    /// <summary>The papers it lists are destroyed; the act and its log are kept.</summary>
    Executed = 3,
}

/// <summary>
/// An act of destruction (акт о выделении к уничтожению документов, не подлежащих хранению): the
/// cases past their retention that it lists may be destroyed once the director approves it, and
/// only then. The act and the log of what was destroyed are kept for good (case 01-15).
/// </summary>
public sealed class DestructionAct : Organisation.ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public required string Number { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    public DestructionActStatus Status { get; set; }
    public DateOnly DrawnUpOn { get; set; }
    public Guid DrawnUpById { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    public Guid? ApprovedById { get; set; }
    public DateOnly? ExecutedOn { get; set; }
    public Guid? ExecutedById { get; set; }
    public List<DestructionActCase> Cases { get; set; } = [];
    public List<DestroyedRecord> Destroyed { get; set; } = [];
}

/// <summary>A line of the act: one case, as it stood when the act was drawn up.</summary>
public sealed class DestructionActCase : Organisation.ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public Guid ActId { get; set; }
    public Guid CaseFileId { get; set; }
    public required string CaseIndex { get; set; }
    public required string CaseTitle { get; set; }
    public int CaseYear { get; set; }
    public int RetentionYears { get; set; }
    public int Documents { get; set; }
    public int Sheets { get; set; }
}

/// <summary>
/// The log of destruction: one line per destroyed card or scan. It names the document by number,
/// date and summary, and a scan by type and hash, never by its file name (which may name a child).
/// </summary>
public sealed class DestroyedRecord : Organisation.ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public Guid ActId { get; set; }
    public Guid CaseFileId { get; set; }
    /// <summary>«registered-document» or «scan».</summary>
    public required string ObjectType { get; set; }
    public Guid ObjectId { get; set; }
    public required string Description { get; set; }
    public string? Sha256 { get; set; }
    public DateOnly DestroyedOn { get; set; }
}

/// <summary>What a case holds: the cards filed into it, and those registered to it and never filed elsewhere.</summary>
public static class CaseContents
{
    public static IQueryable<RegisteredDocument> Documents(CorrectionsDbContext db, CaseFile file)
        => db.RegisteredDocuments.Where(d => d.SchoolId == file.SchoolId
            && (d.FiledCaseId == file.Id || (d.FiledCaseId == null && d.CaseIndex == file.Index && d.Year == file.Year)));
}

/// <summary>Thrown by the save when a card or a scan would be deleted other than under an approved act of destruction.</summary>
public sealed class RecordsDestructionException(string message) : InvalidOperationException(message);
