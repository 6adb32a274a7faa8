using System.Text;
using Berth.Scanning.Images;
using Berth.Scanning.Layers;

namespace Berth.Scanning.Tests.Layers;

public sealed class DirectoryWalkerTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("berth-dirwalk-");

    public void Dispose() => _temp.Delete(recursive: true);

    private string Root => Path.Combine(_temp.FullName, "project");

    private void Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public async Task Files_are_offered_by_relative_path_and_symlinks_are_never_followed()
    {
        Write("a/notes.txt", "inside");
        Write("b/c/notes.txt", "deeper");
        Write("empty.txt", "");
        // Outside the root: neither link may lead the walker to it.
        File.WriteAllText(Path.Combine(_temp.FullName, "secret.txt"), "outside");
        Directory.CreateDirectory(Path.Combine(_temp.FullName, "elsewhere"));
        File.WriteAllText(Path.Combine(_temp.FullName, "elsewhere", "notes.txt"), "outside too");
        File.CreateSymbolicLink(Path.Combine(Root, "escape.txt"), "../secret.txt");
        Directory.CreateSymbolicLink(Path.Combine(Root, "linked"), Path.Combine(_temp.FullName, "elsewhere"));
        File.CreateSymbolicLink(Path.Combine(Root, "a", "inner.txt"), "notes.txt");
        var analyzer = new RecordingAnalyzer(p => p.EndsWith(".txt", StringComparison.Ordinal));

        var result = await new DirectoryWalker([analyzer]).WalkAsync(Root, CancellationToken.None);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(["a/notes.txt", "b/c/notes.txt"], analyzer.Seen.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("deeper", Encoding.UTF8.GetString(analyzer.Seen["b/c/notes.txt"]));
        var warnings = result.Analysis!.Warnings;
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("'escape.txt'", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("'linked'", StringComparison.Ordinal));
        Assert.Equal("", result.Analysis.DiffId);
    }

    [Fact]
    public async Task Lock_files_anywhere_in_the_tree_are_found_by_the_directory_analyzers()
    {
        Write("rust/Cargo.lock", File.ReadAllText(TestData.Path("packages", "rust", "cargo-v3", "Cargo.lock")));
        Write("svc/go.mod", File.ReadAllText(TestData.Path("packages", "go", "gomod", "go.mod")));
        Write("node_modules/.cache/ignored.txt", "nothing to read");

        var result = await new DirectoryWalker(ImageAnalyzers.ForDirectory()).WalkAsync(Root, CancellationToken.None);

        Assert.True(result.Succeeded, result.ToString());
        var inventory = ImageInventory.FromDirectory(result.Analysis!);
        Assert.Equal(9, inventory.Packages.Count(p => p.FilePath == "rust/Cargo.lock"));
        Assert.Equal(7, inventory.Packages.Count(p => p.FilePath == "svc/go.mod"));
        Assert.Contains(inventory.Packages, p => p is { Name: "stdlib", Version: "1.22.5" });
        Assert.All(inventory.Packages, p => Assert.Null(p.LayerDiffId));
        Assert.Empty(inventory.Warnings);
    }

    [Fact]
    public async Task A_tree_with_more_entries_than_the_limit_fails()
    {
        for (var i = 0; i < 5; i++) Write($"f{i}.txt", "x");
        var analyzer = new RecordingAnalyzer(_ => true);

        var result = await new DirectoryWalker([analyzer], new ScanLimits { MaxLayerEntries = 4 }).WalkAsync(Root, CancellationToken.None);

        Assert.Equal(LayerFailureKind.TooManyEntries, result.Failure?.Kind);
    }

    [Fact]
    public async Task Files_over_the_size_limit_are_skipped_with_a_warning()
    {
        Write("big.txt", new string('x', 100));
        Write("small.txt", "x");
        var analyzer = new RecordingAnalyzer(_ => true);

        var result = await new DirectoryWalker([analyzer], new ScanLimits { MaxAnalyzedFileBytes = 10 }).WalkAsync(Root, CancellationToken.None);

        Assert.Equal(["small.txt"], analyzer.Seen.Keys);
        Assert.Contains("'big.txt'", Assert.Single(result.Analysis!.Warnings), StringComparison.Ordinal);
    }
}
