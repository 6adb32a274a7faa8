namespace Berth.Scanning.Layers;

/// <summary>
/// Bounds that keep a hostile or huge image from exhausting memory or disk: a scan that crosses one
/// ends with a clear error instead.
/// </summary>
public sealed record ScanLimits
{
    /// <summary>Largest single file an analyzer will read or copy.</summary>
    public long MaxAnalyzedFileBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Most uncompressed bytes one layer may expand to (decompression bombs).</summary>
    public long MaxLayerUncompressedBytes { get; init; } = 32L * 1024 * 1024 * 1024;

    /// <summary>Most tar entries in one layer.</summary>
    public long MaxLayerEntries { get; init; } = 2_000_000;

    /// <summary>How deep archives nest inside archives (jar in war in ear).</summary>
    public int MaxArchiveDepth { get; init; } = 4;

    public static ScanLimits Default { get; } = new();
}
