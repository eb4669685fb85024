using Corrections.Workflows.Engine;
using Corrections.Workflows.Locking;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Workflows.Records;

/// <summary>A scan that went with a registered document (the outgoing letter's attachments).</summary>
public sealed class DocumentAttachment : Organisation.ISchoolOwned
{
    public Guid DocumentId { get; set; }
    public Guid ScanId { get; set; }
    public Guid SchoolId { get; set; }
}

/// <summary>
/// «register-outgoing-letter» (escalate): the director's letter to the education department gets
/// the school's outgoing number, links the request's card, and lists as attachments the request
/// and the scans it had at that moment. It stays on control until the department answers.
/// </summary>
public sealed class RegisterOutgoingLetterEffect : IWorkflowEffect
{
    public string Name => "register-outgoing-letter";

    public async Task RunAsync(StepContext step, CancellationToken ct)
    {
        var db = step.Db;
        var request = await RequestCard.FindAsync(db, step.Instance.Id, ct);
        var school = await db.Schools.AsNoTracking().SingleAsync(s => s.Id == step.Instance.SchoolId, ct);
        var department = await db.Municipalities.Where(m => m.Id == school.MunicipalityId).Select(m => m.DepartmentName).SingleAsync(ct);
        var today = SchoolClock.DateAt(school.TimeZoneId, step.Now);
        var scans = await db.ScanDocuments.Where(s => s.RequestId == step.Instance.Id).Select(s => s.Id).ToListAsync(ct);
        var number = await NumberAllocator.AssignAsync(db, school.Id, DocumentKind.OutgoingLetter, today, ct);

        var letter = db.RegisteredDocuments.Add(new RegisteredDocument
        {
            Id = Guid.CreateVersion7(), SchoolId = school.Id, Kind = DocumentKind.OutgoingLetter, RequestId = step.Instance.Id,
            LinkedDocumentId = request.Id, Number = number.Text, Year = number.Year, Sequence = number.Sequence,
            RegisteredOn = today, ReceivedOn = today, Author = school.ShortName, Addressee = department,
            Summary = $"О рассмотрении заявления № {request.Number} от {request.RegisteredOn:dd.MM.yyyy} о внесении изменений в электронный журнал",
            Sheets = 1, AttachmentsCount = 1 + scans.Count, AttachmentsSheets = request.Sheets + request.AttachmentsSheets,
            CaseIndex = number.CaseIndex, Resolution = step.Reason, OnControl = true, AccessRestriction = request.AccessRestriction,
            RegisteredById = step.Actor?.UserId ?? Guid.Empty,
        }).Entity;
        db.DocumentAttachments.AddRange(scans.Select(scan => new DocumentAttachment { DocumentId = letter.Id, ScanId = scan, SchoolId = school.Id }));
    }
}

/// <summary>
/// «register-department-decision» (the department approves or rejects): the decision is registered
/// at the school as incoming, linked to the outgoing letter it answers, which comes off control.
/// </summary>
public sealed class RegisterDepartmentDecisionEffect : IWorkflowEffect
{
    public string Name => "register-department-decision";

    public async Task RunAsync(StepContext step, CancellationToken ct)
    {
        var db = step.Db;
        var request = await RequestCard.FindAsync(db, step.Instance.Id, ct);
        var letter = await db.RegisteredDocuments
            .Where(d => d.RequestId == step.Instance.Id && d.Kind == DocumentKind.OutgoingLetter)
            .OrderByDescending(d => d.Year).ThenByDescending(d => d.Sequence).FirstOrDefaultAsync(ct);
        var school = await db.Schools.AsNoTracking().SingleAsync(s => s.Id == step.Instance.SchoolId, ct);
        var department = await db.Municipalities.Where(m => m.Id == school.MunicipalityId).Select(m => m.DepartmentName).SingleAsync(ct);
        var today = SchoolClock.DateAt(school.TimeZoneId, step.Now);
        var number = await NumberAllocator.AssignAsync(db, school.Id, DocumentKind.IncomingDecision, today, ct);
        var approved = step.Transition.To != "rejected";

        db.RegisteredDocuments.Add(new RegisteredDocument
        {
            Id = Guid.CreateVersion7(), SchoolId = school.Id, Kind = DocumentKind.IncomingDecision, RequestId = step.Instance.Id,
            LinkedDocumentId = letter?.Id, Number = number.Text, Year = number.Year, Sequence = number.Sequence,
            RegisteredOn = today, ReceivedOn = today, Author = department, Addressee = $"Директору {school.ShortName}",
            Summary = $"Решение по заявлению № {request.Number} от {request.RegisteredOn:dd.MM.yyyy}{(letter is null ? "" : $" (на исх. № {letter.Number} от {letter.RegisteredOn:dd.MM.yyyy})")}: "
                + (approved ? "разрешить внесение изменения" : "отказать во внесении изменения"),
            Sheets = 1, CaseIndex = number.CaseIndex, Resolution = step.Reason, AccessRestriction = request.AccessRestriction,
            RegisteredById = step.Actor?.UserId ?? Guid.Empty,
        });
        // A request escalated before letters were registered has none to take off control.
        if (letter is not null) letter.OnControl = false;
    }
}

internal static class RequestCard
{
    /// <summary>The registration card of a request; every step after «register» has one.</summary>
    public static Task<RegisteredDocument> FindAsync(Persistence.CorrectionsDbContext db, Guid requestId, CancellationToken ct)
        => db.RegisteredDocuments.SingleAsync(d => d.RequestId == requestId && d.Kind == DocumentKind.IncomingRequest, ct);
}
