using Berth.Scanning.Packages;

namespace Berth.Scanning.Layers;

/// <summary>
/// What an image holds once its layers are stacked: the OS and every package still present in the top layer's
/// view, each attributed to the layer that brought it. Built from per-layer analyses, so it can be rebuilt from the
/// cache without reading a layer again.
/// </summary>
public sealed record ImageInventory
{
    public OsRelease? OperatingSystem { get; init; }

    public IReadOnlyList<Package> Packages { get; init; } = [];

    /// <summary>Files recorded by OS packages that no later layer deleted, sorted ordinally.</summary>
    public IReadOnlyList<string> InstalledFiles { get; init; } = [];

    /// <summary>The layers' warnings, each prefixed with its layer's diff id.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// Stacks <paramref name="layers"/> bottom first. For each layer its opaque directories and whiteouts delete from
    /// the layers below first, then its own package sets are laid on top, so a later copy of a package file replaces
    /// the earlier set wholesale and a file re-added in the same layer survives. Then:
    /// <list type="bullet">
    /// <item>OS: a later layer's OS replaces the one so far unless that one names a specific distribution and the
    /// later one only a different base (Ubuntu's debian_version, Oracle's redhat-release).</item>
    /// <item>dpkg packages are analyzed as <see cref="Ecosystem.Debian"/> because the OS may be named in another layer;
    /// they become <see cref="Ecosystem.Ubuntu"/> here when the merged OS is Ubuntu.</item>
    /// <item>Attribution: an OS package gets the diff id of the first layer whose sets hold the same name and version
    /// (rewriting the database in a later layer does not move it); a language package, the first layer that held it at
    /// the same file path.</item>
    /// <item>A language package whose file an OS package installed is dropped: the OS package reports it.</item>
    /// </list>
    /// </summary>
    public static ImageInventory Merge(IReadOnlyList<LayerAnalysis> layers)
    {
        var sets = new PathIndex<IReadOnlyList<PackageSet>>();
        var installed = new PathIndex<bool>();
        OsRelease? os = null;
        var warnings = new List<string>();
        foreach (var layer in layers)
        {
            foreach (var directory in layer.OpaqueDirectories)
            {
                sets.RemoveBelow(directory);
                installed.RemoveBelow(directory);
            }
            foreach (var path in layer.Whiteouts)
            {
                sets.RemovePathAndBelow(path);
                installed.RemovePathAndBelow(path);
            }
            foreach (var group in layer.PackageSets.GroupBy(s => s.FilePath, StringComparer.Ordinal))
                sets.Set(group.Key, [.. group]);
            foreach (var file in layer.InstalledFiles) installed.Set(file, true);
            os = MergeOperatingSystem(os, layer.OperatingSystem);
            warnings.AddRange(layer.Warnings.Select(w => $"{layer.DiffId}: {w}"));
        }

        var attribution = new LayerAttribution(layers);
        var packages = new List<Package>();
        foreach (var (filePath, fileSets) in sets.Entries)
        {
            foreach (var package in fileSets.SelectMany(s => s.Packages))
            {
                var isOs = IsOsEcosystem(package.Ecosystem);
                var located = package.FilePath is null ? package with { FilePath = filePath } : package;
                if (!isOs && installed.Contains(located.FilePath!)) continue;
                packages.Add(located with
                {
                    Ecosystem = located.Ecosystem == Ecosystem.Debian && os?.Family == "ubuntu" ? Ecosystem.Ubuntu : located.Ecosystem,
                    LayerDiffId = isOs ? attribution.FirstWithOsPackage(located) : attribution.FirstWithPackageAt(filePath, located),
                });
            }
        }

        return new ImageInventory
        {
            OperatingSystem = os,
            Packages = packages,
            InstalledFiles = [.. installed.Paths],
            Warnings = warnings,
        };
    }

    /// <summary>
    /// The inventory of a directory walked by <see cref="DirectoryWalker"/>: one "layer" with no diff id, so the
    /// packages carry no layer attribution and the warnings no layer prefix.
    /// </summary>
    public static ImageInventory FromDirectory(LayerAnalysis analysis)
    {
        var merged = Merge([analysis]);
        return merged with
        {
            Packages = [.. merged.Packages.Select(p => p with { LayerDiffId = null })],
            Warnings = analysis.Warnings,
        };
    }

    private static OsRelease? MergeOperatingSystem(OsRelease? current, OsRelease? later)
    {
        if (later is null) return current;
        if (current is null || current.Family == later.Family || current.Family is "debian" or "redhat") return later;
        return current;
    }

    internal static bool IsOsEcosystem(Ecosystem ecosystem) =>
        ecosystem is Ecosystem.Debian or Ecosystem.Ubuntu or Ecosystem.Alpine or Ecosystem.Rpm;
}
