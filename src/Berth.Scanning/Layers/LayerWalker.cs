namespace Berth.Scanning.Layers;

/// <summary>
/// Reads one layer blob (gzip, zstd or plain tar) in a single forward pass and hands each regular file to the
/// analyzers that want it. Whiteouts and opaque directories are recorded, never analyzed; links and devices are
/// skipped and never followed; names that climb out of the root are refused. Memory stays bounded whatever the layer
/// holds: file contents stream straight from the decompressor to the analyzer.
/// </summary>
public sealed class LayerWalker
{
    private readonly IReadOnlyList<IFileAnalyzer> _analyzers;

    public LayerWalker(IEnumerable<IFileAnalyzer> analyzers, ScanLimits? limits = null)
    {
        _analyzers = [.. analyzers];
        Limits = limits ?? ScanLimits.Default;
    }

    public ScanLimits Limits { get; }

    public IReadOnlyList<IFileAnalyzer> Analyzers => _analyzers;

    /// <param name="blob">The layer blob as stored (compressed or not); read forward once, not disposed.</param>
    /// <param name="expectedDiffId">The image config's diff id for this layer; when given, a layer whose bytes hash
    /// differently fails, so a cached analysis can never be filed under another layer's id.</param>
    public async Task<LayerWalkResult> WalkAsync(Stream blob, string? expectedDiffId, CancellationToken cancellationToken)
    {
        var findings = new LayerFindings();
        var warnings = new WalkWarnings(findings);
        try
        {
            var (uncompressed, format) = await LayerDecompression.OpenAsync(blob, cancellationToken);
            using var counter = new LayerByteCounter(uncompressed, format, Limits.MaxLayerUncompressedBytes);
            var tar = new TarArchiveReader(counter);
            long entries = 0;
            while (await tar.NextAsync(cancellationToken) is { } entry)
            {
                if (++entries > Limits.MaxLayerEntries)
                    return LayerWalkResult.Failed(LayerFailureKind.TooManyEntries,
                        $"the layer holds more than {Limits.MaxLayerEntries} entries (ScanLimits.MaxLayerEntries); it was not analyzed");
                await VisitAsync(entry, findings, warnings, cancellationToken);
            }
            if (tar.EndedWithoutMarker && entries > 0) warnings.Warn("the layer's tar ends without an end-of-archive marker");
            await counter.DrainAsync(cancellationToken);

            var diffId = counter.DiffId();
            if (expectedDiffId is not null && !string.Equals(expectedDiffId, diffId, StringComparison.Ordinal))
                return LayerWalkResult.Failed(LayerFailureKind.DiffIdMismatch,
                    $"the layer's uncompressed content hashes to {diffId}, but the image config names {expectedDiffId}");
            warnings.Finish();
            return LayerWalkResult.Success(LayerAnalysis.From(diffId, findings, _analyzers));
        }
        catch (LayerWalkException e)
        {
            return LayerWalkResult.Failed(e.Failure);
        }
    }

    private async Task VisitAsync(TarEntry entry, LayerFindings findings, WalkWarnings warnings, CancellationToken cancellationToken)
    {
        var path = LayerPath.Clean(entry.Name);
        if (path is null)
        {
            warnings.Warn($"skipped tar entry '{Printable(entry.Name)}': its path leaves the image root");
            return;
        }
        if (path.Length == 0) return;

        var name = LayerPath.FileName(path);
        if (name.StartsWith(".wh.", StringComparison.Ordinal))
        {
            RecordWhiteout(path, name, findings);
            return;
        }

        switch (entry.Kind)
        {
            case TarEntryKind.SymbolicLink when LayerPath.LinkEscapes(path, entry.LinkName):
                warnings.Warn($"symlink '{path}' -> '{Printable(entry.LinkName)}' points outside the image root; links are never followed");
                return;
            case TarEntryKind.HardLink when LayerPath.Clean(entry.LinkName) is null:
                warnings.Warn($"hard link '{path}' -> '{Printable(entry.LinkName)}' points outside the image root; links are never followed");
                return;
            case TarEntryKind.RegularFile:
                break;
            default:
                return;
        }

        var wanting = _analyzers.Where(a => a.Wants(path, entry.Size)).ToList();
        if (wanting.Count == 0) return;
        if (entry.Size > Limits.MaxAnalyzedFileBytes)
        {
            warnings.Warn($"skipped '{path}' ({entry.Size} bytes) for {string.Join(", ", wanting.Select(a => a.Name))}: " +
                $"larger than ScanLimits.MaxAnalyzedFileBytes ({Limits.MaxAnalyzedFileBytes})");
            return;
        }
        if (wanting.Count == 1)
        {
            await AnalyzeAsync(wanting[0], new LayerFile(path, entry.Size, entry.Content, Limits), findings, cancellationToken);
            return;
        }
        await using var spool = await FileSpool.CopyAsync(entry.Content, entry.Size, cancellationToken);
        foreach (var analyzer in wanting)
            await AnalyzeAsync(analyzer, new LayerFile(path, entry.Size, spool.Rewind(), Limits), findings, cancellationToken);
    }

    private static void RecordWhiteout(string path, string name, LayerFindings findings)
    {
        var directory = LayerPath.Directory(path);
        if (name == ".wh..wh..opq") findings.AddOpaqueDirectory(directory);
        // Other ".wh..wh." names are aufs bookkeeping (.wh..wh.plnk, .wh..wh.aufs), not deletions.
        else if (!name.StartsWith(".wh..wh.", StringComparison.Ordinal) && name.Length > 4)
            findings.AddWhiteout(LayerPath.Combine(directory, name[4..]));
    }

    private static async Task AnalyzeAsync(IFileAnalyzer analyzer, LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
    {
        try
        {
            await analyzer.AnalyzeAsync(file, findings, cancellationToken);
        }
        catch (Exception e) when (e is not LayerWalkException && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // The contract asks analyzers to warn, not throw; one that throws anyway costs its file, not the scan.
            findings.Warn($"{analyzer.Name} failed on '{file.Path}': {e.GetType().Name}: {e.Message}");
        }
    }

    private static string Printable(string text)
    {
        var cleaned = string.Concat(text.Select(c => char.IsControl(c) ? '?' : c));
        return cleaned.Length <= 200 ? cleaned : cleaned[..200] + "…";
    }
}
