using Corrections.Documents.Papers;
using Corrections.Web.Features.Requests;
using Corrections.Web.Infrastructure;
using Corrections.Workflows.Access;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Persistence;
using Corrections.Workflows.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Documents;

/// <summary>
/// GET /api/v1/schools/{schoolId}/register/{documentId}/card?format=: a registered document's
/// registration-control card; GET /api/v1/requests/{requestId}/papers/letter?format=: the letter to the
/// education department on the school's letterhead, once the request was escalated.
/// </summary>
public static class CardAndLetterDocuments
{
    public static void MapCard(IEndpointRouteBuilder school) => school.MapGet("/register/{documentId:guid}/card", Card)
        .RequireAuthorization(Policies.SchoolRegisterReader).Produces<Stream>(contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound).WithTags("Documents");

    public static void MapLetter(IEndpointRouteBuilder api) => api.MapGet("/requests/{requestId:guid}/papers/letter", Letter)
        .Produces<Stream>(contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound).WithTags("Documents");

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Card(
        Guid schoolId, Guid documentId, string? format, CorrectionsDbContext db, DocumentFonts fonts, DocumentIssuer issuer, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var (kind, formatProblem) = DocumentFiles.ParseFormat(format, t);
        if (formatProblem is not null) return formatProblem;
        if (issuer.Unavailable(fonts) is { } unavailable) return unavailable;
        var d = await db.RegisteredDocuments.AsNoTracking().SingleOrDefaultAsync(x => x.Id == documentId && x.SchoolId == schoolId, ct);
        if (d is null) return Validation.NotFound(t, "NotFound.RegisteredDocument");
        var linkedText = await db.RegisteredDocuments.AsNoTracking().Where(x => x.Id == d.LinkedDocumentId || x.LinkedDocumentId == d.Id)
            .Select(x => new { x.Number, x.RegisteredOn }).ToListAsync(ct);
        var school = await db.Schools.Where(s => s.Id == schoolId).Select(s => s.FullName).SingleAsync(ct);
        var model = CardAndLetter.Card(new CardInput(school, t[$"DocumentKind.{d.Kind}"], d.Number, d.RegisteredOn, d.Author, d.Addressee, d.ReceivedOn, d.Summary,
            d.Sheets, d.AttachmentsCount, d.AttachmentsSheets, d.CaseIndex,
            [.. linkedText.Select(x => string.Format(System.Globalization.CultureInfo.InvariantCulture, t["Document.NumberAndDate"], x.Number, x.RegisteredOn.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)))],
            d.Resolution, d.OnControl, d.AccessRestriction, d.FilingMark));
        return await issuer.FileAsync(model, kind!, string.Format(System.Globalization.CultureInfo.InvariantCulture, t["Document.CardFileName"], d.Number.Replace('/', '-')), schoolId, d.Number, d.RequestId, ct);
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Letter(
        Guid requestId, string? format, CorrectionsDbContext db, AccessScopeHolder scope, DocumentFonts fonts, DocumentIssuer issuer, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var (kind, formatProblem) = DocumentFiles.ParseFormat(format, t);
        if (formatProblem is not null) return formatProblem;
        if (issuer.Unavailable(fonts) is { } unavailable) return unavailable;
        if (await RequestAccess.FindAsync(db, scope.Current, requestId, ct) is not var (request, _)) return Validation.NotFound(t, "NotFound.Request");
        var papers = await db.RegisteredDocuments.AsNoTracking().Where(d => d.RequestId == request.Id).ToListAsync(ct);
        var letter = papers.Where(d => d.Kind == DocumentKind.OutgoingLetter).OrderByDescending(d => d.RegisteredOn).FirstOrDefault();
        var card = papers.FirstOrDefault(d => d.Kind == DocumentKind.IncomingRequest);
        if (letter is null || card is null) return Validation.NotFound(t, "NotFound.Letter");
        var school = await db.Schools.AsNoTracking().SingleAsync(s => s.Id == request.SchoolId, ct);
        var className = await db.Classes.Where(c => c.Id == request.ClassId).Select(c => c.Name).SingleAsync(ct);
        var subject = await db.Subjects.Where(s => s.Id == request.SubjectId).Select(s => s.Name).SingleAsync(ct);
        var model = CardAndLetter.Letter(new LetterInput(school.FullName, CardAndLetter.Requisites(school.Address, school.Phone, school.Email, school.Inn, school.Kpp, school.Ogrn),
            letter.Number, letter.RegisteredOn, letter.Addressee, card.Number, card.RegisteredOn, className, subject, letter.Resolution,
            letter.AttachmentsCount, letter.AttachmentsSheets, await SchoolPeople.HolderAsync(db, school.Id, Role.Director, ct) ?? ""));
        return await issuer.FileAsync(model, kind!, string.Format(System.Globalization.CultureInfo.InvariantCulture, t["Document.LetterFileName"], letter.Number.Replace('/', '-')), school.Id, letter.Number, request.Id, ct);
    }
}
