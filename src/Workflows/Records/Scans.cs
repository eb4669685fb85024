namespace Corrections.Workflows.Records;

/// <summary>
/// A scanned document attached to a request. The bytes live in content-addressed storage under
/// their SHA-256; this row keeps what the person said about them. Health data (a medical
/// certificate) is a special category of personal data (152-ФЗ).
/// </summary>
public sealed class ScanDocument : Organisation.ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public Guid RequestId { get; set; }
    public required string DocumentType { get; set; }
    public required string OriginalName { get; set; }
    /// <summary>From the content, not from the name or the browser.</summary>
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public bool HealthData { get; set; }
    public Guid UploadedById { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>
/// Where scans are kept: write-once, addressed by content hash, and verified on every read.
/// The default implementation is a folder; another (an object store) can take its place.
/// </summary>
public interface IDocumentStorage
{
    /// <summary>
    /// Streams <paramref name="content"/> into storage, hashing as it goes; refuses (and keeps nothing)
    /// once more than <paramref name="maxBytes"/> arrive.
    /// </summary>
    Task<StoredContent> SaveAsync(Stream content, long maxBytes, CancellationToken ct);

    /// <summary>Opens the content for reading after checking that it still has <paramref name="sha256"/>.</summary>
    /// <exception cref="StoredContentCorruptException">The stored bytes no longer match their hash.</exception>
    Task<Stream> OpenVerifiedAsync(string sha256, CancellationToken ct);

    /// <summary>
    /// Removes content for good. Only the execution of an approved act of destruction calls this,
    /// after its rows are gone and no other scan refers to the same content.
    /// </summary>
    Task DestroyAsync(string sha256, CancellationToken ct);
}

public sealed record StoredContent(string Sha256, long Size);

public sealed class ContentTooLargeException(long maxBytes) : Exception($"The content exceeds {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}

public sealed class StoredContentCorruptException(string sha256) : Exception($"Stored content {sha256} does not match its hash.")
{
    public string Sha256 { get; } = sha256;
}

/// <summary>Recognises the accepted scan formats by their first bytes, never by the file name.</summary>
public static class ScanFormats
{
    public const int SniffLength = 8;

    public static string? Detect(ReadOnlySpan<byte> head) => head switch
    {
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => "application/pdf",                       // %PDF-
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0x49, 0x49, 0x2A, 0x00, ..] or [0x4D, 0x4D, 0x00, 0x2A, ..] => "image/tiff",  // II*. / MM.*
        _ => null,
    };
}
