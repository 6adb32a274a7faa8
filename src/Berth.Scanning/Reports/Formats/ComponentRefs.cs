using System.Security.Cryptography;
using System.Text;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Reports.Formats;

/// <summary>
/// Each package's purl and a reference unique within one document: the purl itself, or, for a second package with
/// the same purl (one library installed at two paths), a name derived from the purl and its path, stable across runs.
/// A package is one component per (name, version, path); <see cref="Packages"/> lists each once, in report order.
/// </summary>
internal sealed class ComponentRefs
{
    private readonly Dictionary<(string, string, string?), (string Purl, string Ref)> _byPackage = [];
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly List<Package> _packages = [];

    public ComponentRefs(IEnumerable<Package> packages, OsRelease? os)
    {
        foreach (var package in packages)
        {
            var key = (package.Name, package.Version, package.FilePath);
            if (_byPackage.ContainsKey(key)) continue;
            _packages.Add(package);
            var purl = PackageUrl.For(package, os).ToString();
            var reference = purl;
            for (var attempt = 0; !_used.Add(reference); attempt++) reference = Derived(purl, package.FilePath, attempt);
            _byPackage[key] = (purl, reference);
        }
    }

    /// <summary>The first package of each (name, version, path), in the order given.</summary>
    public IReadOnlyList<Package> Packages => _packages;

    public (string Purl, string Ref) Of(Package package) => _byPackage[(package.Name, package.Version, package.FilePath)];

    public string? RefOf(string name, string version, string? filePath) =>
        _byPackage.TryGetValue((name, version, filePath), out var entry) ? entry.Ref : null;

    private static string Derived(string purl, string? filePath, int attempt)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{purl}\n{filePath}\n{attempt}"));
        return $"urn:uuid:{new Guid(hash.AsSpan(0, 16))}";
    }
}
