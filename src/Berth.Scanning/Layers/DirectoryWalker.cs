using Berth.Scanning.Images;

namespace Berth.Scanning.Layers;

/// <summary>
/// Walks a directory tree on disk (a source checkout, an unpacked root filesystem) and hands each regular file to the
/// analyzers that want it, as <see cref="LayerWalker"/> does for a layer, so a directory scan reads the same way an
/// image scan does. Symbolic links are never followed (one pointing out of the root is reported), and special
/// files are skipped. The same <see cref="ScanLimits"/> bound the walk: entry count and the size of an analyzed file.
/// </summary>
public sealed class DirectoryWalker
{
    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    private readonly IReadOnlyList<IFileAnalyzer> _analyzers;

    public DirectoryWalker(IEnumerable<IFileAnalyzer> analyzers, ScanLimits? limits = null)
    {
        _analyzers = [.. analyzers];
        Limits = limits ?? ScanLimits.Default;
    }

    public ScanLimits Limits { get; }

    /// <summary>
    /// The analysis of everything under <paramref name="root"/>; paths in it are relative to the root, '/'-separated.
    /// Its <see cref="LayerAnalysis.DiffId"/> is empty: a directory has no layer digest.
    /// </summary>
    public async Task<LayerWalkResult> WalkAsync(string root, CancellationToken cancellationToken)
    {
        var top = new DirectoryInfo(Path.GetFullPath(root));
        if (!top.Exists) throw new DirectoryNotFoundException($"{root} is not a directory");
        var findings = new LayerFindings();
        var warnings = new WalkWarnings(findings);
        long entries = 0;
        var pending = new Stack<(DirectoryInfo Directory, string Relative)>();
        pending.Push((top, ""));
        while (pending.TryPop(out var current))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var children = current.Directory.EnumerateFileSystemInfos("*", OneLevel).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
            // Reversed so that the stack hands subdirectories out in name order.
            var subdirectories = new List<(DirectoryInfo, string)>();
            foreach (var child in children)
            {
                if (++entries > Limits.MaxLayerEntries)
                    return LayerWalkResult.Failed(LayerFailureKind.TooManyEntries,
                        $"the directory holds more than {Limits.MaxLayerEntries} entries (ScanLimits.MaxLayerEntries); it was not analyzed");
                var path = LayerPath.Combine(current.Relative, child.Name);
                if (child.LinkTarget is { } target)
                {
                    if (LayerPath.LinkEscapes(path, target) || target.StartsWith('/') && !IsUnder(top.FullName, target))
                        warnings.Warn($"symlink '{path}' -> '{target}' points outside the scanned directory; links are never followed");
                    continue;
                }
                if (child is DirectoryInfo directory) subdirectories.Add((directory, path));
                else if (child is FileInfo file) await VisitAsync(file, path, findings, warnings, cancellationToken);
            }
            for (var i = subdirectories.Count - 1; i >= 0; i--) pending.Push(subdirectories[i]);
        }
        warnings.Finish();
        return LayerWalkResult.Success(LayerAnalysis.From("", findings, _analyzers));
    }

    private async Task VisitAsync(FileInfo file, string path, LayerFindings findings, WalkWarnings warnings, CancellationToken cancellationToken)
    {
        // .NET does not tell a FIFO, socket or device from a regular file, but all of them have a size of 0,
        // and an empty file holds nothing to analyze: skipping size 0 means a FIFO is never opened (which would block).
        var size = file.Length;
        if (size == 0) return;
        var wanting = _analyzers.Where(a => a.Wants(path, size)).ToList();
        if (wanting.Count == 0) return;
        if (size > Limits.MaxAnalyzedFileBytes)
        {
            warnings.Warn($"skipped '{path}' ({size} bytes) for {string.Join(", ", wanting.Select(a => a.Name))}: " +
                $"larger than ScanLimits.MaxAnalyzedFileBytes ({Limits.MaxAnalyzedFileBytes})");
            return;
        }
        foreach (var analyzer in wanting)
        {
            FileStream content;
            try
            {
                content = new FileStream(file.FullName, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Options = FileOptions.Asynchronous | FileOptions.SequentialScan });
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                warnings.Warn($"skipped '{path}': it cannot be opened ({e.Message})");
                return;
            }
            await using (content)
            {
                // Bounded to the size seen when listing, as a tar entry is, should the file grow meanwhile.
                await using var bounded = new FileSliceStream(content, 0, size);
                await AnalyzeAsync(analyzer, new LayerFile(path, size, bounded, Limits), findings, cancellationToken);
            }
        }
    }

    private static bool IsUnder(string root, string absolute)
    {
        var full = Path.GetFullPath(absolute);
        return full == root || full.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal);
    }

    private static async Task AnalyzeAsync(IFileAnalyzer analyzer, LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
    {
        try
        {
            await analyzer.AnalyzeAsync(file, findings, cancellationToken);
        }
        catch (Exception e) when (e is not LayerWalkException && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // As in LayerWalker: an analyzer that throws costs its file, not the scan.
            findings.Warn($"{analyzer.Name} failed on '{file.Path}': {e.GetType().Name}: {e.Message}");
        }
    }
}
