using Corrections.Documents.Rendering;

namespace Corrections.Web.Infrastructure;

/// <summary>
/// Checks at start-up that the printed documents have their serif font. In Production a missing font
/// stops the start with the message; elsewhere (a developer's first run) the app starts, logs the
/// message with the package to install, and the document endpoints answer 503 with it.
/// </summary>
public sealed class DocumentFonts
{
    public string? Problem { get; private set; }

    public static DocumentFonts Check(IHostEnvironment environment, ILogger log)
    {
        var fonts = new DocumentFonts();
        try
        {
            SerifFont.EnsureInstalled();
        }
        catch (InvalidOperationException e)
        {
            if (environment.IsProduction()) throw;
            fonts.Problem = e.Message;
            log.LogError("Printed documents are unavailable: {Problem}", e.Message);
        }
        return fonts;
    }
}
