using Corrections.Integrations.Storage;

namespace Corrections.Integrations.Tests.Storage;

public sealed class DataFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("corrections-datafolder-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_relative_path_is_created_under_the_content_root()
    {
        var folder = DataFolder.Prepare("data/app", _root);

        Assert.Equal(Path.Combine(_root, "data", "app"), folder.Path);
        Assert.True(Directory.Exists(folder.Path));
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void No_setting_means_the_dot_data_folder()
        => Assert.Equal(Path.Combine(_root, ".data"), DataFolder.Prepare(null, _root).Path);

    [Fact]
    public void A_path_that_cannot_be_created_stops_with_its_name()
    {
        var file = Path.Combine(_root, "not-a-folder");
        File.WriteAllText(file, "x");

        var error = Assert.Throws<InvalidOperationException>(() => DataFolder.Prepare(Path.Combine(file, "inside"), _root));

        Assert.Contains(Path.Combine(file, "inside"), error.Message, StringComparison.Ordinal);
        Assert.Contains("DataFolder", error.Message, StringComparison.Ordinal);
    }
}
