using System.Text.Json;
using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Analyzers.Language.Npm;

/// <summary>
/// npm's <c>package-lock.json</c> (directory scans only): lockfileVersion 2 and 3 list every installed path
/// under <c>packages</c> ("node_modules/a/node_modules/b"); version 1 nests <c>dependencies</c>. Linked
/// workspaces and the root project are left out; a name@version installed at several paths is reported once.
/// Development dependencies are included, as Trivy's parser returns them: <see cref="Package"/> has no flag
/// to set them apart, and a repository scan should see what its developers install.
/// </summary>
public sealed class PackageLockAnalyzer : IFileAnalyzer
{
    private const string NodeModules = "node_modules/";

    public string Name => "npm";

    public int Version => 1;

    public bool Wants(string path, long size) => FileNames.HasBaseName(path, "package-lock.json");

    public async Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
    {
        using var document = await ManifestReader.ReadJsonAsync(file, findings, Name, cancellationToken);
        if (document is null) return;
        var root = document.RootElement;
        var packages = new Dictionary<(string, string), Package>();
        if (JsonValues.Object(root, "packages") is { } installed)
            ReadPackages(installed, packages, file.Path);
        else if (JsonValues.Object(root, "dependencies") is { } nested)
            ReadDependencies(nested, packages, file.Path, depth: 0);
        else
        {
            findings.Warn($"{Name}: {file.Path}: neither 'packages' nor 'dependencies' is an object");
            return;
        }
        findings.AddPackages(file.Path, packages.Values);
    }

    private static void ReadPackages(JsonElement installed, Dictionary<(string, string), Package> packages, string filePath)
    {
        foreach (var entry in installed.EnumerateObject())
        {
            var at = entry.Name.LastIndexOf(NodeModules, StringComparison.Ordinal);
            if (at < 0 || JsonValues.True(entry.Value, "link")) continue;
            var name = JsonValues.String(entry.Value, "name") ?? entry.Name[(at + NodeModules.Length)..];
            Add(packages, name, JsonValues.String(entry.Value, "version"), JsonValues.License(entry.Value, "license"), filePath);
        }
    }

    private static void ReadDependencies(
        JsonElement dependencies, Dictionary<(string, string), Package> packages, string filePath, int depth)
    {
        // Nesting mirrors node_modules directories; a lock deeper than this is hostile, not a real install.
        if (depth > 64) return;
        foreach (var entry in dependencies.EnumerateObject())
        {
            Add(packages, entry.Name, JsonValues.String(entry.Value, "version"), license: null, filePath);
            if (JsonValues.Object(entry.Value, "dependencies") is { } nested)
                ReadDependencies(nested, packages, filePath, depth + 1);
        }
    }

    private static void Add(
        Dictionary<(string, string), Package> packages, string name, string? version, string? license, string filePath)
    {
        // v1 locks write a git or file dependency's source in place of a version; those are not registry packages.
        if (!NpmPackageName.IsValid(name) || string.IsNullOrEmpty(version) || version.Contains(':')) return;
        packages.TryAdd((name, version), new Package
        {
            Name = name,
            Version = version,
            Ecosystem = Ecosystem.Npm,
            License = license,
            FilePath = filePath,
        });
    }
}
