using Corrections.Web.Infrastructure;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Persistence;
using Corrections.Workflows.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Retention;

/// <summary>
/// POST /api/v1/schools/{schoolId}/destruction-acts/{actId}/execute: the clerk destroys what an approved
/// act lists: the registration cards of its cases, the scans of the requests among them, and (once no
/// other scan anywhere shares it) the stored content. The act gets the log of what was destroyed; the
/// nomenclature keeps the case, marked destroyed by this act. All of it commits together or not at all.
/// </summary>
public static class ExecuteDestructionAct
{
    public static void Map(IEndpointRouteBuilder school) => school.MapPost("/destruction-acts/{actId:guid}/execute", Handle)
        .RequireAuthorization(Policies.SchoolRecords).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .WithTags("Retention");

    public static async Task<Results<Ok<DestructionActDto>, ProblemHttpResult>> Handle(
        Guid schoolId, Guid actId, CorrectionsDbContext db, IDocumentStorage storage, IStringLocalizer<SharedResource> t, TimeProvider clock,
        ILoggerFactory logs, CancellationToken ct)
    {
        var act = await DestructionActDto.LoadAsync(db, schoolId, actId, ct);
        if (act is null) return Validation.NotFound(t, "NotFound.DestructionAct");
        if (act.Status != DestructionActStatus.Approved) return Validation.Conflict(t, "Retention.NotApproved", act.Number);
        var zone = await db.Schools.Where(s => s.Id == schoolId).Select(s => s.TimeZoneId).SingleAsync(ct);
        var today = SchoolClock.Today(zone, clock);

        var caseIds = act.Cases.Select(c => c.CaseFileId).ToList();
        var cases = await db.CaseFiles.Where(c => caseIds.Contains(c.Id)).ToListAsync(ct);
        foreach (var c in cases)
            if (Retention.Refusal(c, today) is { } refusal) return Validation.Conflict(t, refusal.Key, refusal.Args);

        var documents = new List<(CaseFile Case, RegisteredDocument Document)>();
        foreach (var c in cases)
        {
            var contents = await CaseContents.Documents(db, c).ToListAsync(ct);
            // The director approved what the act lists: if the case holds something else now, nothing is destroyed.
            if (contents.Count != act.Cases.Single(l => l.CaseFileId == c.Id).Documents)
                return Validation.Conflict(t, "Retention.ContentsChanged", c.Index, c.Year, act.Number);
            documents.AddRange(contents.Select(d => (c, d)));
        }
        var documentIds = documents.Select(d => d.Document.Id).ToList();
        var requestCase = documents.Where(d => d.Document.Kind == DocumentKind.IncomingRequest && d.Document.RequestId is not null)
            .ToDictionary(d => d.Document.RequestId!.Value, d => d.Case);
        var requestIds = requestCase.Keys.ToList();
        var scans = await db.ScanDocuments.Where(s => requestIds.Contains(s.RequestId)).ToListAsync(ct);
        var scanIds = scans.Select(s => s.Id).ToList();
        // Loaded so that the links and attachments going with them are removed (and audited) by the save itself.
        await db.DocumentAttachments.Where(a => documentIds.Contains(a.DocumentId) || scanIds.Contains(a.ScanId)).LoadAsync(ct);
        await db.RegisteredDocuments.Where(d => d.LinkedDocumentId != null && documentIds.Contains(d.LinkedDocumentId.Value)).LoadAsync(ct);

        // Added through the set: a new row with its key already given would otherwise be taken for an existing one.
        foreach (var (c, d) in documents)
            db.DestroyedRecords.Add(Record(act, c, "registered-document", d.Id, $"№ {d.Number} от {d.RegisteredOn:dd.MM.yyyy}: {d.Summary}", null, today));
        foreach (var s in scans)
            db.DestroyedRecords.Add(Record(act, requestCase[s.RequestId], "scan", s.Id, $"{s.DocumentType}, {s.ContentType}, {s.Size} байт", s.Sha256, today));

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Claimed atomically: of two executions at once, one finds the act no longer approved.
            if (await db.DestructionActs.Where(a => a.Id == act.Id && a.Status == DestructionActStatus.Approved)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.ExecutedById, db.Scope.UserId), ct) == 0)
                return Validation.Conflict(t, "Retention.NotApproved", act.Number);
            db.AuthoriseDestruction(act, documentIds.Concat(scanIds));
            db.ScanDocuments.RemoveRange(scans);
            db.RegisteredDocuments.RemoveRange(documents.Select(d => d.Document));
            foreach (var c in cases) c.DestroyedByActId = act.Id;
            (act.Status, act.ExecutedOn, act.ExecutedById) = (DestructionActStatus.Executed, today, db.Scope.UserId);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        // The content goes after the commit: a failure here leaves an unreferenced file, never a card without its scan.
        var log = logs.CreateLogger(typeof(ExecuteDestructionAct));
        foreach (var hash in scans.Select(s => s.Sha256).Distinct())
        {
            if (await db.ScanDocuments.IgnoreQueryFilters().AnyAsync(s => s.Sha256 == hash, ct)) continue;
            try { await storage.DestroyAsync(hash, ct); }
            catch (IOException e) { log.LogError(e, "Act {Act}: stored content {Hash} could not be removed; remove it by hand", act.Number, hash); }
        }
        return TypedResults.Ok(DestructionActDto.From(act));
    }

    private static DestroyedRecord Record(DestructionAct act, CaseFile c, string type, Guid id, string description, string? sha256, DateOnly today) => new()
    {
        Id = Guid.CreateVersion7(), SchoolId = act.SchoolId, ActId = act.Id, CaseFileId = c.Id, ObjectType = type, ObjectId = id,
        Description = description.Length > 1000 ? description[..1000] : description, Sha256 = sha256, DestroyedOn = today,
    };
}
