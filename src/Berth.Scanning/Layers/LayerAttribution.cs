using Berth.Scanning.Packages;

namespace Berth.Scanning.Layers;

/// <summary>Finds the first layer (bottom first) that held a package, for <see cref="ImageInventory.Merge"/>.</summary>
internal sealed class LayerAttribution
{
    private readonly List<(string DiffId, HashSet<(string, string)> OsPackages, Dictionary<string, HashSet<(string, string)>> ByFile)> _layers = [];

    public LayerAttribution(IEnumerable<LayerAnalysis> layers)
    {
        foreach (var layer in layers)
        {
            var os = new HashSet<(string, string)>();
            var byFile = new Dictionary<string, HashSet<(string, string)>>(StringComparer.Ordinal);
            foreach (var set in layer.PackageSets)
            {
                if (!byFile.TryGetValue(set.FilePath, out var atFile)) byFile[set.FilePath] = atFile = [];
                foreach (var package in set.Packages)
                {
                    atFile.Add((package.Name, package.Version));
                    if (ImageInventory.IsOsEcosystem(package.Ecosystem)) os.Add((package.Name, package.Version));
                }
            }
            _layers.Add((layer.DiffId, os, byFile));
        }
    }

    public string? FirstWithOsPackage(Package package) =>
        _layers.FirstOrDefault(l => l.OsPackages.Contains((package.Name, package.Version))).DiffId;

    public string? FirstWithPackageAt(string filePath, Package package) =>
        _layers.FirstOrDefault(l => l.ByFile.TryGetValue(filePath, out var atFile) && atFile.Contains((package.Name, package.Version))).DiffId;
}
