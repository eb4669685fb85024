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
public sealed class DocumentIssuer(CorrectionsDbContext db, IHttpContextAccessor http, IConfiguration configuration, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public async Task<FileContentHttpResult> FileAsync(DocumentModel model, string format, string fileNameWithoutExtension, Guid schoolId, string? number, Guid? requestId, CancellationToken ct)
    {
        var zone = await db.Schools.Where(s => s.Id == schoolId).Select(s => s.TimeZoneId).SingleAsync(ct);
        var issued = new IssuedDocument
        {
            Id = Guid.CreateVersion7(), SchoolId = schoolId, Title = model.Title.Length > Limits.LongName ? model.Title[..Limits.LongName] : model.Title, Number = number,
            IssuedOn = SchoolClock.Today(zone, clock), TextSha256 = IssuedDocument.HashOf(model.Texts()), RequestId = requestId,
            IssuedById = db.Scope.UserId, IssuedAt = clock.GetUtcNow(),
        };
        db.IssuedDocuments.Add(issued);
        await db.SaveChangesAsync(ct);

        // The public address where the installation is reached; without one, the address this request came to.
        var request = http.HttpContext!.Request;
        var root = configuration["PublicBaseUrl"]?.TrimEnd('/') ?? $"{request.Scheme}://{request.Host}";
        var url = $"{root}/verify/{issued.Id}";
        var withQr = model with { Blocks = [.. model.Blocks, new QrCode(url, t["Document.QrCaption", url])] };

        using var output = new MemoryStream();
        if (format == "pdf") PdfRenderer.Render(withQr, output);
        else DocxRenderer.Render(withQr, output);
        return TypedResults.File(output.ToArray(),
            format == "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{fileNameWithoutExtension}.{format}");
    }
}
