using PdfSharp.Fonts;

namespace Corrections.Documents.Rendering;

/// <summary>
/// The Times-compatible serif of the printed documents (ГОСТ Р 7.0.97): Liberation Serif from Debian's
/// «fonts-liberation2». PDFsharp finds no fonts by itself on Linux, so this resolver hands it the files;
/// without them the service refuses to start with a message saying which package to install.
/// </summary>
public sealed class SerifFont : IFontResolver
{
    public const string Family = "Liberation Serif";

    private static readonly string[] Folders =
        ["/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation", "/usr/share/fonts/liberation-serif", "/usr/local/share/fonts"];

    private readonly Dictionary<string, string> _files;

    private SerifFont(Dictionary<string, string> files) => _files = files;

    private static readonly Lock Gate = new();
    private static SerifFont? _installed;

    /// <summary>Installs the resolver once per process (PDFsharp's setting is global) and the AGPL licence PDFsharp 6.5 requires.</summary>
    /// <exception cref="InvalidOperationException">No Liberation Serif regular and bold were found.</exception>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (_installed is not null) return;
            var files = new Dictionary<string, string>();
            foreach (var (face, name) in new[] { ("regular", "LiberationSerif-Regular.ttf"), ("bold", "LiberationSerif-Bold.ttf") })
            {
                var path = Folders.Select(f => Path.Combine(f, name)).FirstOrDefault(File.Exists);
                if (path is null)
                    throw new InvalidOperationException(
                        $"The serif font for printed documents is missing: {name} was not found in {string.Join(", ", Folders)}. Install the Debian package fonts-liberation2.");
                files[face] = path;
            }
            PdfSharp.PdfSharpLicense.SetAgplLicense();
            _installed = new SerifFont(files);
            GlobalFontSettings.FontResolver = _installed;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
        => new(bold ? "bold" : "regular");

    public byte[]? GetFont(string faceName) => _files.TryGetValue(faceName, out var path) ? File.ReadAllBytes(path) : null;
}
