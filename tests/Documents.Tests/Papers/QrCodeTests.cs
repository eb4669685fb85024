using Corrections.Tests.Documents;
using Corrections.Documents.Model;
using Corrections.Documents.Rendering;
using DocumentFormat.OpenXml.Packaging;

namespace Corrections.Documents.Tests.Papers;

/// <summary>The QR code of ГОСТ Р 7.0.97-2025 on a document, in both renderings, with its caption.</summary>
public sealed class QrCodeTests
{
    [Fact]
    public void A_document_carries_its_qr_code_and_caption_in_pdf_and_docx()
    {
        const string url = "https://corrections.example/verify/0190c0de-0000-7000-8000-000000000001";
        var model = new DocumentModel("Проверка", PageOrientation.Portrait,
            [new Paragraph("Заявление"), new QrCode(url, $"Проверить подлинность документа: {url}")]);
        using var pdf = new MemoryStream();
        PdfRenderer.Render(model, pdf);
        using var docx = new MemoryStream();
        DocxRenderer.Render(model, docx);
        Readback.FirstPageToPng(pdf.ToArray(), "qr-code");

        Assert.Contains($"Проверить подлинность документа: {url}", Readback.Normalise(string.Join(" ", Readback.PdfPages(pdf.ToArray()))), StringComparison.Ordinal);
        docx.Position = 0;
        using var doc = WordprocessingDocument.Open(docx, false);
        var image = Assert.Single(doc.MainDocumentPart!.ImageParts);
        using var png = image.GetStream();
        var signature = new byte[8];
        png.ReadExactly(signature);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, signature);
        Assert.True(QrImage.Modules(url).Length >= 21, "a QR code of at least version 1");
    }
}
