using Berth.Scanning.Packages;

namespace Berth.Scanning.Layers;

/// <summary>
/// What the analyzers found in one layer: the OS it declares, package sets by the file that recorded them,
/// the files OS packages installed (so language analysis can skip them), whiteouts and warnings.
/// Analyzers may run concurrently, so every mutation takes the lock.
/// </summary>
public sealed class LayerFindings
{
    private readonly Lock _gate = new();
    private readonly List<PackageSet> _packageSets = [];
    private readonly HashSet<string> _installedFiles = new(StringComparer.Ordinal);
    private readonly List<string> _warnings = [];
    private readonly List<string> _whiteouts = [];
    private readonly List<string> _opaqueDirectories = [];

    public OsRelease? OperatingSystem { get; private set; }

    public IReadOnlyList<PackageSet> PackageSets { get { lock (_gate) return [.. _packageSets]; } }

    public IReadOnlyCollection<string> InstalledFiles { get { lock (_gate) return [.. _installedFiles]; } }

    public IReadOnlyList<string> Warnings { get { lock (_gate) return [.. _warnings]; } }

    /// <summary>Paths this layer deletes from the layers below (`.wh.name`).</summary>
    public IReadOnlyList<string> Whiteouts { get { lock (_gate) return [.. _whiteouts]; } }

    /// <summary>Directories whose lower-layer contents this layer hides (`.wh..wh..opq`).</summary>
    public IReadOnlyList<string> OpaqueDirectories { get { lock (_gate) return [.. _opaqueDirectories]; } }

    /// <summary>
    /// Records the OS a release file declares. Detections merge as Trivy does: the first family wins, except
    /// that a later specific distribution replaces Debian or Red Hat (Ubuntu ships debian_version).
    /// </summary>
    public void DetectOperatingSystem(OsRelease detected)
    {
        lock (_gate)
        {
            if (OperatingSystem is null || OperatingSystem.Family is "debian" or "redhat" && detected.Family != OperatingSystem.Family)
                OperatingSystem = detected;
        }
    }

    public void AddPackages(string filePath, IEnumerable<Package> packages)
    {
        var set = new PackageSet(filePath, [.. packages]);
        lock (_gate) _packageSets.Add(set);
    }

    public void AddInstalledFiles(IEnumerable<string> paths)
    {
        lock (_gate) _installedFiles.UnionWith(paths);
    }

    public void Warn(string message)
    {
        lock (_gate) _warnings.Add(message);
    }

    public void AddWhiteout(string path)
    {
        lock (_gate) _whiteouts.Add(path);
    }

    public void AddOpaqueDirectory(string path)
    {
        lock (_gate) _opaqueDirectories.Add(path);
    }
}
