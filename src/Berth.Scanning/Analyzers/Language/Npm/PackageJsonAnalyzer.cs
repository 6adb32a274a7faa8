using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Analyzers.Language.Npm;

/// <summary>
/// Installed Node packages: every <c>package.json</c> (those under node_modules are the installed packages; an
/// application's own package.json is reported too, as Trivy does). Name must be a valid npm name and the
/// version non-empty, otherwise the file is skipped quietly: many package.json files are fixtures or stubs.
/// </summary>
public sealed class PackageJsonAnalyzer : IFileAnalyzer
{
    public string Name => "node-pkg";

    public int Version => 1;

    public bool Wants(string path, long size) => FileNames.HasBaseName(path, "package.json");

    public async Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
    {
        using var document = await ManifestReader.ReadJsonAsync(file, findings, Name, cancellationToken);
        if (document is null) return;
        var root = document.RootElement;
        var name = JsonValues.String(root, "name");
        var version = JsonValues.String(root, "version")?.Trim();
        if (!NpmPackageName.IsValid(name) || string.IsNullOrEmpty(version)) return;

        findings.AddPackages(file.Path,
        [
            new Package
            {
                Name = name!,
                Version = version,
                Ecosystem = Ecosystem.Npm,
                License = JsonValues.License(root, "license") ?? JsonValues.License(root, "licenses"),
                FilePath = file.Path,
            },
        ]);
    }
}
