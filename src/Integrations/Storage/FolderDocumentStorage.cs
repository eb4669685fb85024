using System.Security.Cryptography;
using Corrections.Workflows.Records;

namespace Corrections.Integrations.Storage;

/// <summary>
/// Scans in a folder, one file per content, named by its SHA-256 («ab/abcdef…»). An upload is
/// streamed to a temporary file while its hash is computed, so a 50 MB scan never sits whole in
/// memory; it becomes visible under its hash only when complete. Files are never overwritten, and a
/// read hashes the file again before it is served.
/// </summary>
public sealed class FolderDocumentStorage(string root) : IDocumentStorage
{
    private const int BufferSize = 81920;

    public async Task<StoredContent> SaveAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.Combine(root, "incoming"));
        var temporary = Path.Combine(root, "incoming", Guid.NewGuid().ToString("N"));
        try
        {
            long size = 0;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > maxBytes) throw new ContentTooLargeException(maxBytes);
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            var target = PathOf(sha256);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (File.Exists(target)) File.Delete(temporary); // the same content is stored already: write-once
            else
            {
                File.Move(temporary, target);
                File.SetAttributes(target, FileAttributes.ReadOnly);
            }
            return new StoredContent(sha256, size);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public async Task<Stream> OpenVerifiedAsync(string sha256, CancellationToken ct)
    {
        var path = PathOf(sha256);
        if (!File.Exists(path)) throw new StoredContentCorruptException(sha256);
        await using (var check = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true))
        {
            var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(check, ct));
            if (!string.Equals(actual, sha256, StringComparison.Ordinal)) throw new StoredContentCorruptException(sha256);
        }
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
    }

    public Task DestroyAsync(string sha256, CancellationToken ct)
    {
        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            File.SetAttributes(path, FileAttributes.Normal); // written read-only; destruction is the one exception
            File.Delete(path);
        }
        return Task.CompletedTask;
    }

    /// <summary>Where content with this hash lives; the hash is checked to be one, so no path can be smuggled in.</summary>
    public string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower)) throw new ArgumentException("Not a SHA-256 in lower-case hex.", nameof(sha256));
        return Path.Combine(root, sha256[..2], sha256);
    }
}
