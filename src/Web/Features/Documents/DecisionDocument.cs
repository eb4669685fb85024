using Corrections.Documents.Papers;
using Corrections.Documents.Text;
using Corrections.Web.Features.Requests;
using Corrections.Web.Infrastructure;
using Corrections.Workflows.Access;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Documents;

/// <summary>
/// GET /api/v1/requests/{requestId}/papers/decision?format=: the latest decision on the request as a
/// paper of its own (the director's, or the department's on an escalated request), once there is one.
/// </summary>
public static class DecisionDocument
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/requests/{requestId:guid}/papers/decision", Handle)
        .Produces<Stream>(contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound).WithTags("Documents");

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Handle(
        Guid requestId, string? format, CorrectionsDbContext db, AccessScopeHolder scope, DocumentFonts fonts, DocumentIssuer issuer, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var (kind, formatProblem) = DocumentFiles.ParseFormat(format, t);
        if (formatProblem is not null) return formatProblem;
        if (issuer.Unavailable(fonts) is { } unavailable) return unavailable;
        if (await RequestAccess.FindAsync(db, scope.Current, requestId, ct) is not var (request, _)) return Validation.NotFound(t, "NotFound.Request");
        var school = await db.Schools.AsNoTracking().SingleAsync(s => s.Id == request.SchoolId, ct);
        var card = await db.RegisteredDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.RequestId == request.Id && d.Kind == Workflows.Records.DocumentKind.IncomingRequest, ct);
        var decision = await ApplicationDocument.LatestDecisionAsync(db, request.Id, school.TimeZoneId, ct);
        if (card is null || decision is null) return Validation.NotFound(t, "NotFound.Decision");
        var initiator = await db.Users.Where(u => u.Id == request.InitiatorId).Select(u => new { u.Surname, u.GivenName, u.Patronymic }).SingleAsync(ct);
        var className = await db.Classes.Where(c => c.Id == request.ClassId).Select(c => c.Name).SingleAsync(ct);
        var subject = await db.Subjects.Where(s => s.Id == request.SubjectId).Select(s => s.Name).SingleAsync(ct);
        var model = DecisionPaper.Build(new DecisionInput(school.FullName, card.Number, card.RegisteredOn, PersonName.WithInitials(initiator.Surname, initiator.GivenName, initiator.Patronymic),
            className, subject, decision, decision.Action.StartsWith("department-", StringComparison.Ordinal)));
        return await issuer.FileAsync(model, kind!, string.Format(System.Globalization.CultureInfo.InvariantCulture, t["Document.DecisionFileName"], card.Number.Replace('/', '-')), school.Id, card.Number, request.Id, ct);
    }
}
