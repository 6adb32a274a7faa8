using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Analyzers.Language.Rust;

/// <summary>
/// <c>Cargo.lock</c> (images and directories: Rust programs are often shipped with their lock file). Only
/// crates with a <c>registry+</c> source are reported: the workspace's own crates (no source) and git
/// dependencies are not crates.io versions an advisory could name.
/// </summary>
public sealed class CargoLockAnalyzer : IFileAnalyzer
{
    public string Name => "cargo";

    public int Version => 1;

    public bool Wants(string path, long size) => FileNames.BaseName(path) == "Cargo.lock";

    public async Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
    {
        var text = await ManifestReader.ReadTextAsync(file, findings, Name, cancellationToken);
        if (text is null) return;
        var packages = TomlPackageTables.Read(text)
            .Where(t => t.TryGetValue("source", out var source) && source.StartsWith("registry+", StringComparison.Ordinal)
                && t.ContainsKey("name") && t.ContainsKey("version"))
            .Select(t => new Package
            {
                Name = t["name"], Version = t["version"], Ecosystem = Ecosystem.CratesIo, FilePath = file.Path,
            });
        findings.AddPackages(file.Path, packages);
    }
}
