using Corrections.Documents.Model;
using Corrections.Documents.Rendering;
using Corrections.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Persistence;
using Corrections.Workflows.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Documents;

/// <summary>What every document endpoint shares: the «format» parameter (pdf, docx), the font check, the file.</summary>
public static class DocumentFiles
{
    /// <summary>The format asked for, or the validation problem; «pdf» when none is given.</summary>
    public static (string? Format, ValidationProblem? Problem) ParseFormat(string? format, IStringLocalizer<SharedResource> t)
    {
        var kind = (format ?? "pdf").Trim().ToLowerInvariant();
        if (kind is "pdf" or "docx") return (kind, null);
        var v = new Validation(t);
        v.Add("format", "Document.Format");
        return (null, v.Problem());
    }

    public static ProblemHttpResult? Unavailable(DocumentFonts fonts, IStringLocalizer<SharedResource> t)
        => fonts.Problem is { } problem ? TypedResults.Problem(statusCode: 503, title: t["Document.Unavailable"], detail: problem) : null;

}

/// <summary>
/// Issues a printed document: records it (number, date, hash of its text, request), adds the QR code
/// that leads to its verification page, and renders it in the format asked for.
/// </summary>
public sealed class DocumentIssuer(CorrectionsDbContext db, IHttpContextAccessor http, IConfiguration configuration, IHostEnvironment environment, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    /// <summary>
    /// Why documents cannot be issued now, or null: the serif font is missing, or (in Production) the
    /// public address for the QR code is not configured — it is never taken from a request's Host
    /// header there, which a caller or a proxy decides.
    /// </summary>
    public ProblemHttpResult? Unavailable(DocumentFonts fonts)
        => DocumentFiles.Unavailable(fonts, t)
            ?? (string.IsNullOrEmpty(Configured) && environment.IsProduction()
                ? TypedResults.Problem(statusCode: 503, title: t["Document.Unavailable"], detail: t["Document.NoPublicUrl"]) : null);

    private string? Configured => configuration["PublicBaseUrl"]?.Trim().TrimEnd('/');

    public async Task<FileContentHttpResult> FileAsync(
        DocumentModel model, string format, string fileNameWithoutExtension, Guid schoolId, string? number, Guid? requestId, CancellationToken ct)
    {
        var configured = Configured;
        if (string.IsNullOrEmpty(configured) && environment.IsProduction()) throw new InvalidOperationException("PublicBaseUrl is not configured; check Unavailable() first.");
        var request = http.HttpContext!.Request;
        var root = string.IsNullOrEmpty(configured) ? $"{request.Scheme}://{request.Host}" : configured;

        var zone = await db.Schools.Where(s => s.Id == schoolId).Select(s => s.TimeZoneId).SingleAsync(ct);
        var issued = new IssuedDocument
        {
            Id = Guid.CreateVersion7(), SchoolId = schoolId, Title = model.Title.Length > Limits.LongName ? model.Title[..Limits.LongName] : model.Title, Number = number,
            IssuedOn = SchoolClock.Today(zone, clock), TextSha256 = IssuedDocument.HashOf(model.Texts()), RequestId = requestId,
            IssuedById = db.Scope.UserId, IssuedAt = clock.GetUtcNow(),
        };
        var url = $"{root}/verify/{issued.Id}";
        var withQr = model with { Blocks = [.. model.Blocks, new QrCode(url, t["Document.QrCaption", url])] };

        // Rendered first, recorded after: a document that could not be made is not on record as issued.
        using var output = new MemoryStream();
        if (format == "pdf") PdfRenderer.Render(withQr, output);
        else DocxRenderer.Render(withQr, output);
        db.IssuedDocuments.Add(issued);
        await db.SaveChangesAsync(ct);
        return TypedResults.File(output.ToArray(),
            format == "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{fileNameWithoutExtension}.{format}");
    }
}
