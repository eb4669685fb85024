using System.Diagnostics;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Corrections.Tests.Documents;

/// <summary>Reads rendered documents back the way a person's tools would: poppler for PDF, OpenXml for DOCX.</summary>
public static partial class Readback
{
    /// <summary>The PDF's text per page, in drawing order (pdftotext -raw), pages split at form feeds.</summary>
    public static string[] PdfPages(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, pdf);
            var text = Run("pdftotext", $"-raw -enc UTF-8 {file} -");
            return text.Split('\f').Where(p => p.Trim().Length > 0).ToArray();
        }
        finally { File.Delete(file); }
    }

    /// <summary>Renders the first page to PNG in the repository's test-output folder (not committed) for a person to look at.</summary>
    public static string FirstPageToPng(byte[] pdf, string name)
    {
        var folder = Path.Combine(RepositoryRoot(), "test-output");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, name + ".pdf");
        File.WriteAllBytes(file, pdf);
        Run("pdftoppm", $"-png -r 60 -f 1 -l 1 -singlefile {file} {Path.Combine(folder, name)}");
        return Path.Combine(folder, name + ".png");
    }

    /// <summary>The DOCX body's paragraphs' text, in order (table cells included), and its tables.</summary>
    public static (List<string> Paragraphs, List<Table> Tables, string Footer) Docx(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var doc = WordprocessingDocument.Open(stream, false);
        var body = doc.MainDocumentPart!.Document.Body!;
        var footer = string.Join(" ", doc.MainDocumentPart.FooterParts.Select(f => string.Join("", f.Footer.Descendants<SimpleField>().Select(s => s.Instruction?.Value?.Trim())) + "|" + f.Footer.InnerText));
        return (body.Descendants<Paragraph>().Select(p => p.InnerText).ToList(), body.Descendants<Table>().ToList(), footer);
    }

    /// <summary>Whitespace collapsed; a line that ends in a hyphen joins the next without a space (a hyphenated word broken across lines).</summary>
    public static string Normalise(string text) => Spaces().Replace(text.Replace("-\n", "-", StringComparison.Ordinal), " ").Trim();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Corrections.sln"))) dir = dir.Parent;
        return dir?.FullName ?? Path.GetTempPath();
    }

    private static string Run(string tool, string arguments)
    {
        var start = new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8 };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (Debian package poppler-utils).");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed: {error}");
        return output;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
