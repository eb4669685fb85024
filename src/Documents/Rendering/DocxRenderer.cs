using Corrections.Documents.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Corrections.Documents.Rendering;

/// <summary>
/// Writes the model as a Word document: A4 with the ГОСТ margins, Times New Roman (Liberation Serif
/// is its metric twin where Word is absent), table header rows marked to repeat on every page, and
/// «Лист PAGE из NUMPAGES» in the footer.
/// </summary>
public static class DocxRenderer
{
    private const int TwipsPerPoint = 20;

    public static void Render(DocumentModel model, Stream output)
    {
        using var doc = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                new FontSize { Val = "24" }, new Languages { Val = "ru-RU" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))));

        var (width, height) = Page.Size(model.Orientation);
        var contentTwips = (int)((width - Page.Left - Page.Right) * TwipsPerPoint);
        var section = new SectionProperties(
            new W.PageSize { Width = (UInt32Value)(uint)(width * TwipsPerPoint), Height = (UInt32Value)(uint)(height * TwipsPerPoint), Orient = model.Orientation == PageOrientation.Landscape ? PageOrientationValues.Landscape : PageOrientationValues.Portrait },
            new PageMargin { Left = (UInt32Value)(uint)(Page.Left * TwipsPerPoint), Right = (UInt32Value)(uint)(Page.Right * TwipsPerPoint), Top = (int)(Page.Top * TwipsPerPoint), Bottom = (int)(Page.Bottom * TwipsPerPoint), Header = 567, Footer = 567, Gutter = 0 });
        if (model.NumberPages)
        {
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new W.Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Right }),
                new Run(new W.Text("Лист ") { Space = SpaceProcessingModeValues.Preserve }), new SimpleField(new Run(new W.Text("1"))) { Instruction = " PAGE " },
                new Run(new W.Text(" из ") { Space = SpaceProcessingModeValues.Preserve }), new SimpleField(new Run(new W.Text("1"))) { Instruction = " NUMPAGES " }));
            section.PrependChild(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) });
        }

        // Written as a stream of elements, not a tree: a table of ten thousand rows never sits whole in memory.
        using var writer = OpenXmlWriter.Create(main);
        writer.WriteStartDocument();
        writer.WriteStartElement(new W.Document());
        writer.WriteStartElement(new Body());
        foreach (var block in model.Blocks)
        {
            switch (block)
            {
                case Model.Paragraph p:
                    writer.WriteElement(Para(p.Text, p.Align, p.Bold, p.Size, p.SpaceAfter));
                    break;
                case Model.Table t:
                    WriteTable(writer, t, contentTwips);
                    writer.WriteElement(Para("", TextAlign.Left, false, 6, 0));
                    break;
                case QrCode q:
                    writer.WriteElement(QrParagraph(main, q));
                    break;
                case SignatureLine s:
                    writer.WriteElement(new W.Paragraph(
                        new ParagraphProperties(new Tabs(new TabStop { Val = TabStopValues.Left, Position = contentTwips * 45 / 100 }, new TabStop { Val = TabStopValues.Left, Position = contentTwips * 72 / 100 }),
                            new SpacingBetweenLines { Before = "240", After = "120" }),
                        new Run(new W.Text(s.Position) { Space = SpaceProcessingModeValues.Preserve }), new Run(new TabChar(), new W.Text("________________")),
                        new Run(new TabChar(), new W.Text(s.Name))));
                    break;
            }
        }
        writer.WriteElement(section);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    /// <summary>The QR image inline (25 × 25 mm) followed by its caption.</summary>
    private static W.Paragraph QrParagraph(MainDocumentPart main, QrCode q)
    {
        var image = main.AddImagePart(ImagePartType.Png);
        using (var png = new MemoryStream(QrImage.Png(q.Url))) image.FeedData(png);
        const long side = 25L * 36000; // EMU per millimetre
        var id = main.GetIdOfPart(image);
        var drawing = new Drawing(new DocumentFormat.OpenXml.Drawing.Wordprocessing.Inline(
            new DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent { Cx = side, Cy = side },
            new DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties { Id = 1U, Name = "QR" },
            new DocumentFormat.OpenXml.Drawing.Graphic(new DocumentFormat.OpenXml.Drawing.GraphicData(
                new DocumentFormat.OpenXml.Drawing.Pictures.Picture(
                    new DocumentFormat.OpenXml.Drawing.Pictures.NonVisualPictureProperties(
                        new DocumentFormat.OpenXml.Drawing.Pictures.NonVisualDrawingProperties { Id = 0U, Name = "qr.png" },
                        new DocumentFormat.OpenXml.Drawing.Pictures.NonVisualPictureDrawingProperties()),
                    new DocumentFormat.OpenXml.Drawing.Pictures.BlipFill(new DocumentFormat.OpenXml.Drawing.Blip { Embed = id }, new DocumentFormat.OpenXml.Drawing.Stretch(new DocumentFormat.OpenXml.Drawing.FillRectangle())),
                    new DocumentFormat.OpenXml.Drawing.Pictures.ShapeProperties(
                        new DocumentFormat.OpenXml.Drawing.Transform2D(new DocumentFormat.OpenXml.Drawing.Offset { X = 0L, Y = 0L }, new DocumentFormat.OpenXml.Drawing.Extents { Cx = side, Cy = side }),
                        new DocumentFormat.OpenXml.Drawing.PresetGeometry(new DocumentFormat.OpenXml.Drawing.AdjustValueList()) { Preset = DocumentFormat.OpenXml.Drawing.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
        return new W.Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "120" }),
            new Run(drawing), new Run(new TabChar()), new Run(new RunProperties(new FontSize { Val = "18" }), new W.Text(q.Caption) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static W.Paragraph Para(string text, TextAlign align, bool bold, double size, double spaceAfter)
    {
        var runProperties = new RunProperties(new FontSize { Val = ((int)(size * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold) runProperties.PrependChild(new Bold());
        // Schema order inside w:pPr: spacing comes before jc.
        return new W.Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { After = ((int)(spaceAfter * TwipsPerPoint)).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new Justification { Val = align switch
            {
                TextAlign.Center => JustificationValues.Center, TextAlign.Right => JustificationValues.Right, TextAlign.Justify => JustificationValues.Both, _ => JustificationValues.Left,
            } }),
            new Run(runProperties, new W.Text(Texts.Printable(text)) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static void WriteTable(OpenXmlWriter writer, Model.Table t, int contentTwips)
    {
        var total = t.Columns.Sum(c => c.Weight);
        var widths = t.Columns.Select(c => (int)(contentTwips * c.Weight / total)).ToArray();
        // Schema order: top, left, bottom, right, insideH, insideV.
        var border = new Func<BorderType>[] { () => new TopBorder(), () => new LeftBorder(), () => new BottomBorder(), () => new RightBorder(), () => new InsideHorizontalBorder(), () => new InsideVerticalBorder() };
        var borders = new TableBorders(border.Select(b =>
        {
            var e = b();
            e.Val = BorderValues.Single;
            e.Size = 4;
            return (OpenXmlElement)e;
        }));
        writer.WriteStartElement(new W.Table());
        writer.WriteElement(new TableProperties(new TableWidth { Width = contentTwips.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }, borders,
            new TableLayout { Type = TableLayoutValues.Fixed }));
        writer.WriteElement(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        writer.WriteElement(Row(t.Columns.Select(c => c.Title).ToList(), widths, t.Size, header: true));
        foreach (var row in t.Rows) writer.WriteElement(Row(row, widths, t.Size, header: false));
        writer.WriteEndElement();
    }

    private static TableRow Row(IReadOnlyList<string> cells, int[] widths, double size, bool header)
    {
        var row = new TableRow();
        // The header repeats on every page; an ordinary row is not split across pages, but one too long
        // for a page must be, or Word would cut it off.
        var shortRow = cells.Sum(c => c.Length) < 1500;
        row.Append(header ? new TableRowProperties(new CantSplit(), new TableHeader()) : shortRow ? new TableRowProperties(new CantSplit()) : new TableRowProperties());
        for (var i = 0; i < widths.Length; i++)
            row.Append(new TableCell(new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
                Para(i < cells.Count ? cells[i] : "", TextAlign.Left, header, size, 0)));
        return row;
    }
}
