namespace Corrections.Integrations.Storage;

/// <summary>
/// The app's data folder: the default SQLite file, data-protection keys and, later, scans and mail
/// drops live here. Resolved once at start-up and proven writable, so a read-only or mistyped path
/// stops the start with its name instead of failing on the first upload.
/// </summary>
public sealed class DataFolder
{
    private DataFolder(string path) => Path = path;

    public string Path { get; }

    /// <param name="configured">The configured path; relative paths are taken from <paramref name="contentRoot"/>.</param>
    public static DataFolder Prepare(string? configured, string contentRoot)
    {
        var path = System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? ".data" : configured, contentRoot);
        try
        {
            Directory.CreateDirectory(path);
            var probe = System.IO.Path.Combine(path, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The data folder '{path}' (setting DataFolder) cannot be created or written: {e.Message}", e);
        }
        return new DataFolder(path);
    }

    public string Combine(string relative) => System.IO.Path.Combine(Path, relative);
}
