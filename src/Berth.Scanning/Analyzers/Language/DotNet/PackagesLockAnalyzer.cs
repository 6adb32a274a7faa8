using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Analyzers.Language.DotNet;

/// <summary>
/// NuGet's <c>packages.lock.json</c> (directory scans only): per target framework (and runtime identifier),
/// packages with their <c>resolved</c> version. Project references are not packages; a package locked for
/// several frameworks at the same version is reported once.
/// </summary>
public sealed class PackagesLockAnalyzer : IFileAnalyzer
{
    public string Name => "nuget";

    public int Version => 1;

    public bool Wants(string path, long size) => FileNames.HasBaseName(path, "packages.lock.json");

    public async Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
    {
        using var document = await ManifestReader.ReadJsonAsync(file, findings, Name, cancellationToken);
        if (document is null) return;
        if (JsonValues.Object(document.RootElement, "dependencies") is not { } frameworks)
        {
            findings.Warn($"{Name}: {file.Path}: no 'dependencies' object");
            return;
        }
        var packages = new Dictionary<(string, string), Package>();
        foreach (var framework in frameworks.EnumerateObject())
        {
            if (framework.Value.ValueKind != System.Text.Json.JsonValueKind.Object) continue;
            foreach (var dependency in framework.Value.EnumerateObject())
            {
                var resolved = JsonValues.String(dependency.Value, "resolved");
                if (JsonValues.String(dependency.Value, "type") == "Project" || string.IsNullOrEmpty(resolved)) continue;
                packages.TryAdd((dependency.Name, resolved), new Package
                {
                    Name = dependency.Name, Version = resolved, Ecosystem = Ecosystem.NuGet, FilePath = file.Path,
                });
            }
        }
        findings.AddPackages(file.Path, packages.Values);
    }
}
