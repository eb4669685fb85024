using Corrections.Documents.Model;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Corrections.Documents.Rendering;

/// <summary>
/// Lays the model out on A4 pages with PDFsharp: words wrapped to the width, tables broken between
/// rows with the header drawn again on each page, «Лист N из M» once the page count is known. Each
/// cell's lines are drawn together, so text extraction keeps a cell's words in order.
/// </summary>
public static class PdfRenderer
{
    private const double Padding = 2;

    public static void Render(DocumentModel model, Stream output)
    {
        SerifFont.EnsureInstalled();
        using var pdf = new PdfDocument();
        pdf.Info.Title = model.Title;
        var (width, height) = Page.Size(model.Orientation);
        var pages = new List<(PdfPage Page, XGraphics Graphics)>();
        var y = 0.0;
        XGraphics g = null!;

        void NewPage()
        {
            var page = pdf.AddPage();
            page.Width = XUnit.FromPoint(width);
            page.Height = XUnit.FromPoint(height);
            g = XGraphics.FromPdfPage(page);
            pages.Add((page, g));
            y = Page.Top;
        }

        double Bottom() => height - Page.Bottom;
        var contentWidth = width - Page.Left - Page.Right;
        NewPage();

        foreach (var block in model.Blocks)
        {
            switch (block)
            {
                case Paragraph p:
                {
                    var font = Font(p.Size, p.Bold);
                    var lineHeight = font.GetHeight() * 1.15;
                    foreach (var line in Wrap(g, p.Text, font, contentWidth))
                    {
                        if (y + lineHeight > Bottom()) NewPage();
                        var x = p.Align switch
                        {
                            TextAlign.Center => Page.Left + (contentWidth - g.MeasureString(line, font).Width) / 2,
                            TextAlign.Right => Page.Left + contentWidth - g.MeasureString(line, font).Width,
                            _ => Page.Left,
                        };
                        g.DrawString(line, font, XBrushes.Black, x, y + font.GetHeight() * 0.8);
                        y += lineHeight;
                    }
                    y += p.SpaceAfter;
                    break;
                }
                case Table t:
                {
                    var font = Font(t.Size, false);
                    var bold = Font(t.Size, true);
                    var total = t.Columns.Sum(c => c.Weight);
                    var widths = t.Columns.Select(c => contentWidth * c.Weight / total).ToArray();
                    var header = t.Columns.Select(c => c.Title).ToList();
                    // Each row is wrapped once: its height decides the page break, its lines are then drawn.
                    List<string>[] WrapRow(IReadOnlyList<string> cells, XFont f) =>
                        [.. widths.Select((w, i) => Wrap(g, i < cells.Count ? cells[i] : "", f, w - 2 * Padding))];
                    double HeightOf(List<string>[] lines, XFont f) => lines.Max(l => l.Count) * f.GetHeight() * 1.1 + 2 * Padding;
                    void DrawRow(List<string>[] lines, XFont f, double rowHeight)
                    {
                        var x = Page.Left;
                        for (var i = 0; i < widths.Length; i++)
                        {
                            g.DrawRectangle(XPens.Black, x, y, widths[i], rowHeight);
                            var lineY = y + Padding + f.GetHeight() * 0.85;
                            foreach (var line in lines[i])
                            {
                                g.DrawString(line, f, XBrushes.Black, x + Padding, lineY);
                                lineY += f.GetHeight() * 1.1;
                            }
                            x += widths[i];
                        }
                        y += rowHeight;
                    }
                    var headerLines = WrapRow(header, bold);
                    var headerHeight = HeightOf(headerLines, bold);
                    // The header never stands alone at the foot of a page: it goes with the first row (or the first lines of a tall one).
                    var firstRowHeight = t.Rows.Count == 0 ? 0 : Math.Min(HeightOf(WrapRow(t.Rows[0], font), font), font.GetHeight() * 3.3 + 2 * Padding);
                    if (y + headerHeight + firstRowHeight > Bottom()) NewPage();
                    DrawRow(headerLines, bold, headerHeight);
                    var lineHeight = font.GetHeight() * 1.1;
                    foreach (var row in t.Rows)
                    {
                        var lines = WrapRow(row, font);
                        // A row that fits a page starts on the next one rather than split.
                        if (y + HeightOf(lines, font) > Bottom() && HeightOf(lines, font) <= Bottom() - Page.Top - headerHeight)
                        {
                            NewPage();
                            DrawRow(headerLines, bold, headerHeight);
                        }
                        // One taller than a page goes on in pieces, each page with the header again.
                        while (y + HeightOf(lines, font) > Bottom())
                        {
                            var fit = (int)((Bottom() - y - 2 * Padding) / lineHeight);
                            if (fit >= 1)
                            {
                                var part = lines.Select(l => l.Take(fit).ToList()).ToArray();
                                DrawRow(part, font, HeightOf(part, font));
                                lines = [.. lines.Select(l => l.Skip(fit).ToList())];
                            }
                            NewPage();
                            DrawRow(headerLines, bold, headerHeight);
                        }
                        DrawRow(lines, font, HeightOf(lines, font));
                    }
                    y += 8;
                    break;
                }
                case QrCode q:
                {
                    const double side = 25 * Page.Millimetre;
                    if (y + side > Bottom()) NewPage();
                    // Drawn as squares: sharp at any print resolution, and no image decoder involved.
                    var modules = QrImage.Modules(q.Url);
                    var cell = side / modules.Length;
                    for (var row = 0; row < modules.Length; row++)
                        for (var column = 0; column < modules[row].Length; column++)
                            if (modules[row][column]) g.DrawRectangle(XBrushes.Black, Page.Left + column * cell, y + row * cell, cell, cell);
                    var font = Font(9, false);
                    var lineY = y + font.GetHeight();
                    foreach (var line in Wrap(g, q.Caption, font, contentWidth - side - 8))
                    {
                        g.DrawString(line, font, XBrushes.Black, Page.Left + side + 8, lineY);
                        lineY += font.GetHeight() * 1.1;
                    }
                    y += side + 6;
                    break;
                }
                case SignatureLine s:
                {
                    var font = Font(12, false);
                    var lineHeight = font.GetHeight() * 2;
                    if (y + lineHeight > Bottom()) NewPage();
                    var baseline = y + font.GetHeight();
                    g.DrawString(s.Position, font, XBrushes.Black, Page.Left, baseline);
                    g.DrawLine(XPens.Black, Page.Left + contentWidth * 0.45, baseline + 2, Page.Left + contentWidth * 0.7, baseline + 2);
                    g.DrawString(s.Name, font, XBrushes.Black, Page.Left + contentWidth * 0.72, baseline);
                    y += lineHeight;
                    break;
                }
            }
        }

        if (model.NumberPages)
        {
            var font = Font(10, false);
            for (var i = 0; i < pages.Count; i++)
            {
                var text = Page.Number(i + 1, pages.Count);
                var graphics = pages[i].Graphics;
                graphics.DrawString(text, font, XBrushes.Black, width - Page.Right - graphics.MeasureString(text, font).Width, height - Page.Bottom / 2);
            }
        }
        foreach (var (_, graphics) in pages) graphics.Dispose();
        pdf.Save(output, closeStream: false);
    }

    private static XFont Font(double size, bool bold) => new(SerifFont.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    /// <summary>Greedy word wrap; a word longer than the width is cut where it no longer fits.</summary>
    // Tables repeat the same words (subjects, dates, names) thousands of times: each is measured once per font.
    [ThreadStatic] private static Dictionary<(string, double, bool), double>? _widths;

    private static double Width(XGraphics g, string text, XFont font)
    {
        _widths ??= [];
        var key = (text, font.Size, font.Bold);
        if (!_widths.TryGetValue(key, out var width))
        {
            if (_widths.Count > 100_000) _widths.Clear(); // bounded: one serif family, a few sizes
            _widths[key] = width = g.MeasureString(text, font).Width;
        }
        return width;
    }

    private static List<string> Wrap(XGraphics g, string text, XFont font, double width)
    {
        text = Texts.Printable(text);
        if (text.Length == 0) return [""];
        // Most cells fit on one line: one measurement decides it.
        if (text.IndexOf('\n', StringComparison.Ordinal) < 0 && Width(g, text, font) <= width) return [text];
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Width(g, candidate, font) <= width) { line = candidate; continue; }
                // A hyphenated word that does not fit breaks after its hyphen, as a typist would.
                var hyphen = word.IndexOf('-', StringComparison.Ordinal);
                if (hyphen > 0 && hyphen < word.Length - 1 && Width(g, (line.Length == 0 ? "" : line + " ") + word[..(hyphen + 1)], font) <= width)
                {
                    lines.Add((line.Length == 0 ? "" : line + " ") + word[..(hyphen + 1)]);
                    line = word[(hyphen + 1)..];
                    continue;
                }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (line.Length > 1 && Width(g, line, font) > width)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && Width(g, line[..cut], font) > width) cut--;
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }
}
