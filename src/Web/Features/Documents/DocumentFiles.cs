using Corrections.Documents.Model;
using Corrections.Documents.Rendering;
using Corrections.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
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

    public static FileContentHttpResult File(DocumentModel model, string format, string fileNameWithoutExtension)
    {
        using var output = new MemoryStream();
        if (format == "pdf") PdfRenderer.Render(model, output);
        else DocxRenderer.Render(model, output);
        return TypedResults.File(output.ToArray(),
            format == "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{fileNameWithoutExtension}.{format}");
    }
}
