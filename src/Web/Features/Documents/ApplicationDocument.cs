using Corrections.Documents.Model;
using Corrections.Documents.Papers;
using Corrections.Documents.Text;
using Corrections.Web.Features.Requests;
using Corrections.Web.Infrastructure;
using Corrections.Workflows.Access;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Corrections;
using Corrections.Workflows.Organisation;
using Corrections.Workflows.Persistence;
using Corrections.Workflows.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Documents;

/// <summary>
/// GET /api/v1/requests/{requestId}/papers/application?format=: the request as a paper to print and
/// sign, with its registration mark and the latest resolution once they exist. Visible to whoever
/// may see the request.
/// </summary>
public static class ApplicationDocument
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/requests/{requestId:guid}/papers/application", Handle)
        .Produces<Stream>(contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound).WithTags("Documents");

    /// <summary>The latest decision taken on the request (approve, reject, escalate, the department's), as it goes on paper.</summary>
    public static async Task<ApplicationResolution?> LatestDecisionAsync(CorrectionsDbContext db, Guid requestId, string timeZoneId, CancellationToken ct)
    {
        var decision = await (from h in db.WorkflowHistory.AsNoTracking()
                              join u in db.Users on h.ActorId equals u.Id
                              where h.InstanceId == requestId && DecisionSignatures.Actions.Contains(h.Action)
                              orderby h.Revision descending
                              select new { h.Action, h.Comment, h.At, u.Surname, u.GivenName, u.Patronymic }).FirstOrDefaultAsync(ct);
        return decision is null ? null
            : new ApplicationResolution(decision.Action, decision.Comment, PersonName.WithInitials(decision.Surname, decision.GivenName, decision.Patronymic), SchoolClock.DateAt(timeZoneId, decision.At));
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Handle(
        Guid requestId, string? format, CorrectionsDbContext db, AccessScopeHolder scope, DocumentFonts fonts, DocumentIssuer issuer, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var (kind, formatProblem) = DocumentFiles.ParseFormat(format, t);
        if (formatProblem is not null) return formatProblem;
        if (issuer.Unavailable(fonts) is { } unavailable) return unavailable;
        if (await RequestAccess.FindAsync(db, scope.Current, requestId, ct) is not var (request, _)) return Validation.NotFound(t, "NotFound.Request");

        var (model, school, card, className) = await BuildAsync(db, request, ct);
        return await issuer.FileAsync(model, kind!, string.Format(System.Globalization.CultureInfo.InvariantCulture, t["Document.ApplicationFileName"], card?.Number.Replace('/', '-') ?? className), school.Id, card?.Number, request.Id, ct);
    }
    /// <summary>
    /// The application as a paper model, with what the school knows of it now. Also what a decision
    /// signs: its text hash is recorded with the signature (see <see cref="Requests.DecisionSignatures"/>).
    /// </summary>
    public static async Task<(DocumentModel Model, School School, RegisteredDocument? Card, string ClassName)> BuildAsync(
        CorrectionsDbContext db, CorrectionRequest request, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().SingleAsync(s => s.Id == request.SchoolId, ct);
        var people = await db.Users.AsNoTracking().Where(u => u.Id == request.InitiatorId).Select(u => new { u.Surname, u.GivenName, u.Patronymic }).SingleAsync(ct);
        var students = await db.Students.AsNoTracking().Where(s => request.Entries.Select(e => e.StudentId).Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => PersonName.Full(s.Surname, s.GivenName, s.Patronymic), ct);
        var className = await db.Classes.Where(c => c.Id == request.ClassId).Select(c => c.Name).SingleAsync(ct);
        var subject = await db.Subjects.Where(s => s.Id == request.SubjectId).Select(s => s.Name).SingleAsync(ct);
        var ground = request.GroundId is null ? "" : await db.Grounds.Where(g => g.Id == request.GroundId).Select(g => g.Title).SingleAsync(ct);
        var card = await db.RegisteredDocuments.AsNoTracking().Where(d => d.RequestId == request.Id && d.Kind == Workflows.Records.DocumentKind.IncomingRequest).FirstOrDefaultAsync(ct);
        var scanTypes = await db.ScanDocuments.Where(s => s.RequestId == request.Id).Select(s => s.DocumentType).Distinct().OrderBy(s => s).ToListAsync(ct);
        var decision = await LatestDecisionAsync(db, request.Id, school.TimeZoneId, ct);

        var model = ApplicationPaper.Build(new ApplicationInput(
            school.ShortName, await SchoolPeople.HolderAsync(db, school.Id, Role.Director, ct) ?? "", PersonName.Full(people.Surname, people.GivenName, people.Patronymic),
            PersonName.WithInitials(people.Surname, people.GivenName, people.Patronymic), SchoolClock.DateAt(school.TimeZoneId, request.CreatedAt),
            className, subject,
            [.. request.Entries.OrderBy(e => e.Date).Select(e => new ApplicationEntry(students.GetValueOrDefault(e.StudentId, ""), e.Date, ApplicationPaper.EntryKindText(e.Kind.ToString()), e.CurrentValue, e.RequestedValue))],
            ground, request.Justification ?? "", scanTypes, card is { AttachmentsSheets: > 0 } ? card.AttachmentsSheets : null, card?.Number, card?.RegisteredOn,
            decision));
        return (model, school, card, className);
    }
}
