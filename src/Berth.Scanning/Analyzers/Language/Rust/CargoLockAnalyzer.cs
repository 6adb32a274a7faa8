using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Analyzers.Language.Rust;

/// <summary>
/// <c>Cargo.lock</c> (images and directories: Rust programs are often shipped with their lock file). Every
/// <c>[[package]]</c> is reported as Trivy does, the workspace's own crates (no <c>source</c>) included: they
/// are part of the inventory (SBOMs list them), and a local crate that shares a crates.io name is still
/// matched by name as Trivy matches it.
/// </summary>
public sealed class CargoLockAnalyzer : IFileAnalyzer
{
    public string Name => "cargo";

    public int Version => 2;

    public bool Wants(string path, long size) => FileNames.HasBaseName(path, "Cargo.lock");

    public async Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
    {
        var text = await ManifestReader.ReadTextAsync(file, findings, Name, cancellationToken);
        if (text is null) return;
        findings.AddPackages(file.Path, TomlPackageTables.ReadPackages(text, Ecosystem.CratesIo, file.Path));
    }
}
