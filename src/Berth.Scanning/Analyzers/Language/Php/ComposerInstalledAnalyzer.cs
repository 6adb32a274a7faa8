using System.Text.Json;
using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Analyzers.Language.Php;

/// <summary>
/// Packages Composer installed: <c>vendor/composer/installed.json</c>, a bare array (Composer 1) or
/// <c>{"packages": [...]}</c> (Composer 2).
/// </summary>
public sealed class ComposerInstalledAnalyzer : IFileAnalyzer
{
    public string Name => "composer-vendor";

    public int Version => 1;

    public bool Wants(string path, long size) =>
        FileNames.HasBaseName(path, "installed.json") && FileNames.HasParentName(path, "composer");

    public async Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
    {
        using var document = await ManifestReader.ReadJsonAsync(file, findings, Name, cancellationToken);
        if (document is null) return;
        var root = document.RootElement;
        var list = root.ValueKind == JsonValueKind.Array ? root : JsonValues.Array(root, "packages");
        if (list is null)
        {
            findings.Warn($"{Name}: {file.Path}: neither an array nor an object with a 'packages' array");
            return;
        }
        findings.AddPackages(file.Path, ComposerPackages.Read(list.Value, file.Path));
    }
}
