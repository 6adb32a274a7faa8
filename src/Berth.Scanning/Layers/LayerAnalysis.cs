using Berth.Scanning.Packages;

namespace Berth.Scanning.Layers;

/// <summary>
/// Everything the analyzers found in one layer, frozen and serializable: what the per-layer cache stores and what
/// <see cref="ImageInventory"/> merges. Paths are cleaned, relative to the image root, without a leading '/'.
/// </summary>
public sealed record LayerAnalysis
{
    /// <summary>sha256 of the uncompressed layer tar, "sha256:&lt;hex&gt;" (the image config's diff id).</summary>
    public required string DiffId { get; init; }

    public OsRelease? OperatingSystem { get; init; }

    public IReadOnlyList<PackageSet> PackageSets { get; init; } = [];

    /// <summary>Files that OS packages installed, sorted ordinally.</summary>
    public IReadOnlyList<string> InstalledFiles { get; init; } = [];

    /// <summary>Paths this layer deletes from the layers below.</summary>
    public IReadOnlyList<string> Whiteouts { get; init; } = [];

    /// <summary>Directories whose lower-layer contents this layer hides ("" is the root).</summary>
    public IReadOnlyList<string> OpaqueDirectories { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The analyzers that produced this analysis, sorted by name.</summary>
    public IReadOnlyList<AnalyzerVersion> Analyzers { get; init; } = [];

    public static LayerAnalysis From(string diffId, LayerFindings findings, IEnumerable<IFileAnalyzer> analyzers)
    {
        var installed = findings.InstalledFiles.ToList();
        installed.Sort(StringComparer.Ordinal);
        return new LayerAnalysis
        {
            DiffId = diffId,
            OperatingSystem = findings.OperatingSystem,
            PackageSets = findings.PackageSets,
            InstalledFiles = installed,
            Whiteouts = findings.Whiteouts,
            OpaqueDirectories = findings.OpaqueDirectories,
            Warnings = findings.Warnings,
            Analyzers = [.. analyzers.Select(a => new AnalyzerVersion(a.Name, a.Version)).OrderBy(a => a.Name, StringComparer.Ordinal)],
        };
    }
}
