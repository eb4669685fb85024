namespace Corrections.Documents.Model;

public enum PageOrientation { Portrait, Landscape }

public enum TextAlign { Left, Center, Right, Justify }

/// <summary>A block of a document, in reading order; both renderers draw the same blocks.</summary>
public abstract record Block;

public sealed record Paragraph(string Text, TextAlign Align = TextAlign.Left, bool Bold = false, double Size = 12, double SpaceAfter = 6) : Block;

/// <summary>A column of a table: its header and its share of the width.</summary>
public sealed record Column(string Title, double Weight);

/// <summary>A table whose header row repeats on every page.</summary>
public sealed record Table(IReadOnlyList<Column> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, double Size = 10) : Block;

/// <summary>
/// The QR code of ГОСТ Р 7.0.97-2025: it leads to the page where the system confirms the document's
/// number, date, status and hash. <paramref name="Caption"/> is printed beside it.
/// </summary>
public sealed record QrCode(string Url, string Caption) : Block;

/// <summary>«Должность ____________ И. О. Фамилия».</summary>
public sealed record SignatureLine(string Position, string Name) : Block;

/// <summary>
/// A document of the procedure, rendered to DOCX and PDF from this one model so both carry the same
/// text. Pages are A4 with the margins of ГОСТ Р 7.0.97 (20 mm left, top, bottom; 10 mm right).
/// </summary>
public sealed record DocumentModel(string Title, PageOrientation Orientation, IReadOnlyList<Block> Blocks, bool NumberPages = true)
{
    /// <summary>Every text of the document in reading order, each table header once: what both renderings must contain.</summary>
    public IEnumerable<string> Texts()
    {
        foreach (var block in Blocks)
        {
            switch (block)
            {
                case Paragraph p: yield return p.Text; break;
                case Table t:
                    foreach (var c in t.Columns) yield return c.Title;
                    foreach (var row in t.Rows) foreach (var cell in row) yield return cell;
                    break;
                case SignatureLine s: yield return s.Position; yield return s.Name; break;
                case QrCode q: yield return q.Caption; break;
            }
        }
    }
}

/// <summary>The QR code's image: PNG, error correction M (survives a smudge or a staple).</summary>
public static class QrImage
{
    public static byte[] Png(string url) => QRCoder.PngByteQRCodeHelper.GetQRCode(url, QRCoder.QRCodeGenerator.ECCLevel.M, 8);

    /// <summary>The modules (true is dark), quiet zone included, for drawing the code as vector squares.</summary>
    public static bool[][] Modules(string url)
    {
        using var generator = new QRCoder.QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCoder.QRCodeGenerator.ECCLevel.M);
        return [.. data.ModuleMatrix.Select(row => Enumerable.Range(0, row.Length).Select(i => row[i]).ToArray())];
    }
}

/// <summary>Text as it may be printed: control characters (which XML cannot carry) become spaces.</summary>
public static class Texts
{
    public static string Printable(string text)
        => text.Any(c => char.IsControl(c) && c != '\n') ? new string([.. text.Select(c => char.IsControl(c) && c != '\n' ? ' ' : c)]) : text;
}

/// <summary>Page geometry shared by the renderers, in points (1/72 inch).</summary>
public static class Page
{
    public const double Millimetre = 72 / 25.4;
    public const double Left = 20 * Millimetre, Top = 20 * Millimetre, Bottom = 20 * Millimetre, Right = 10 * Millimetre;
    public const double A4Short = 210 * Millimetre, A4Long = 297 * Millimetre;

    public static (double Width, double Height) Size(PageOrientation o) => o == PageOrientation.Landscape ? (A4Long, A4Short) : (A4Short, A4Long);

    /// <summary>«Лист N из M».</summary>
    public static string Number(int page, int pages) => $"Лист {page} из {pages}";
}
