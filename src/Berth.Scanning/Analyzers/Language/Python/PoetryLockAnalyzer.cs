using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Analyzers.Language.Python;

/// <summary><c>poetry.lock</c> (directory scans only): every <c>[[package]]</c> table's name and version.</summary>
public sealed class PoetryLockAnalyzer : IFileAnalyzer
{
    public string Name => "poetry";

    public int Version => 1;

    public bool Wants(string path, long size) => FileNames.HasBaseName(path, "poetry.lock");

    public async Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
    {
        var text = await ManifestReader.ReadTextAsync(file, findings, Name, cancellationToken);
        if (text is null) return;
        findings.AddPackages(file.Path, TomlPackageTables.ReadPackages(text, Ecosystem.PyPI, file.Path));
    }
}
