using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Analyzers.Language.Python;

/// <summary>
/// Installed Python distributions: wheel installs (<c>*.dist-info/METADATA</c>), setuptools installs
/// (<c>*.egg-info/PKG-INFO</c>, or <c>*.egg-info</c> as a single file) and eggs (<c>EGG-INFO/PKG-INFO</c>).
/// </summary>
public sealed class InstalledDistributionAnalyzer : IFileAnalyzer
{
    public string Name => "python-pkg";

    public int Version => 1;

    public bool Wants(string path, long size)
    {
        // Compared in place: every file of a layer is asked, and only these few names need their directory looked at.
        if (FileNames.HasBaseName(path, "METADATA")) return FileNames.ParentName(path).EndsWith(".dist-info", StringComparison.Ordinal);
        if (FileNames.HasBaseName(path, "PKG-INFO"))
        {
            var parent = FileNames.ParentName(path);
            return parent.EndsWith(".egg-info", StringComparison.Ordinal) || parent == "EGG-INFO";
        }
        return path.EndsWith(".egg-info", StringComparison.Ordinal);
    }

    public async Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
    {
        var text = await ManifestReader.ReadTextAsync(file, findings, Name, cancellationToken);
        if (text is null) return;
        var metadata = CoreMetadata.Parse(text);
        var name = metadata.First("Name");
        var version = metadata.First("Version");
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(version))
        {
            findings.Warn($"{Name}: {file.Path}: no Name or Version header");
            return;
        }
        findings.AddPackages(file.Path,
        [
            new Package
            {
                Name = name, Version = version, Ecosystem = Ecosystem.PyPI, License = metadata.License(), FilePath = file.Path,
            },
        ]);
    }
}
