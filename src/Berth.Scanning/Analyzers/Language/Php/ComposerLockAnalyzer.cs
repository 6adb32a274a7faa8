using Berth.Scanning.Layers;

namespace Berth.Scanning.Analyzers.Language.Php;

/// <summary><c>composer.lock</c> (directory scans only): <c>packages</c> and <c>packages-dev</c>.</summary>
public sealed class ComposerLockAnalyzer : IFileAnalyzer
{
    public string Name => "composer";

    public int Version => 1;

    public bool Wants(string path, long size) => FileNames.HasBaseName(path, "composer.lock");

    public async Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
    {
        using var document = await ManifestReader.ReadJsonAsync(file, findings, Name, cancellationToken);
        if (document is null) return;
        var root = document.RootElement;
        var packages = JsonValues.Array(root, "packages");
        if (packages is null)
        {
            findings.Warn($"{Name}: {file.Path}: no 'packages' array");
            return;
        }
        var all = ComposerPackages.Read(packages.Value, file.Path).ToList();
        if (JsonValues.Array(root, "packages-dev") is { } dev) all.AddRange(ComposerPackages.Read(dev, file.Path));
        findings.AddPackages(file.Path, all);
    }
}
