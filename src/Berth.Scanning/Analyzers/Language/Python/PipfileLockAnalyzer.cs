using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Analyzers.Language.Python;

/// <summary>
/// Pipenv's <c>Pipfile.lock</c> (directory scans only): the <c>default</c> section's packages with their
/// "==version" pins. The <c>develop</c> section is left out, as Trivy does by default.
/// </summary>
public sealed class PipfileLockAnalyzer : IFileAnalyzer
{
    public string Name => "pipenv";

    public int Version => 1;

    public bool Wants(string path, long size) => FileNames.HasBaseName(path, "Pipfile.lock");

    public async Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
    {
        using var document = await ManifestReader.ReadJsonAsync(file, findings, Name, cancellationToken);
        if (document is null) return;
        if (JsonValues.Object(document.RootElement, "default") is not { } section)
        {
            findings.Warn($"{Name}: {file.Path}: no 'default' object");
            return;
        }
        var packages = new List<Package>();
        foreach (var entry in section.EnumerateObject())
        {
            var pin = JsonValues.String(entry.Value, "version");
            if (pin is null || !pin.StartsWith("==", StringComparison.Ordinal)) continue;
            packages.Add(new Package
            {
                Name = entry.Name, Version = pin.TrimStart('=').Trim(), Ecosystem = Ecosystem.PyPI, FilePath = file.Path,
            });
        }
        findings.AddPackages(file.Path, packages);
    }
}
