namespace Corrections.Workflows.Records;

/// <summary>
/// A printed document as the system issued it: what it is, its number and date, the SHA-256 of its
/// text, and the request it belongs to. Its id is in the document's QR code (ГОСТ Р 7.0.97-2025), so
/// a signed-in user of the school can confirm a printout against it.
/// </summary>
public sealed class IssuedDocument : Organisation.ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public required string Title { get; set; }
    public string? Number { get; set; }
    public DateOnly IssuedOn { get; set; }
    public required string TextSha256 { get; set; }
    public Guid? RequestId { get; set; }
    public Guid? IssuedById { get; set; }
    public DateTimeOffset IssuedAt { get; set; }

    /// <summary>The hash both renderings share: every text of the model in order, one per line, the QR caption left out.</summary>
    public static string HashOf(IEnumerable<string> texts)
        => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", texts))));
}
