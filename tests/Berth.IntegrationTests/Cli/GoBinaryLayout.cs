namespace Berth.IntegrationTests.Cli;

/// <summary>One OCI layout per test class holding debian-minbase with the go1.15.2 binary on top (tag <see cref="Tag"/>)
/// and the same base with a corrupt-gzip layer (tag <see cref="CorruptTag"/>).</summary>
public sealed class GoBinaryLayout : IAsyncLifetime
{
    public const string Tag = "gobinary";
    public const string CorruptTag = "corrupt-gzip";

    private readonly string _root = System.IO.Directory.CreateTempSubdirectory("berth-cli-images-").FullName;

    public string Directory => Path.Combine(_root, "layout");

    public string CorruptDirectory => Path.Combine(_root, "corrupt");

    public string Reference => $"oci:{Directory}:{Tag}";

    public string CorruptReference => $"oci:{CorruptDirectory}:{CorruptTag}";

    public async Task InitializeAsync()
    {
        await LayeredImage.WithGoBinaryAsync(Directory, Tag);
        await LayeredImage.WithCorruptGzipLayerAsync(CorruptDirectory, CorruptTag);
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }
}
