using System.Text.RegularExpressions;
using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Analyzers.Language.Ruby;

/// <summary>
/// Installed gems: the <c>specifications/*.gemspec</c> stubs RubyGems writes. They are Ruby code, but
/// generated in a fixed shape (<c>s.name = "rake".freeze</c>, <c>s.version = "13.0.3"</c>,
/// <c>s.licenses = ["MIT".freeze]</c>), so the assignments are read by pattern instead of evaluating Ruby.
/// </summary>
public sealed partial class GemspecAnalyzer : IFileAnalyzer
{
    public string Name => "gemspec";

    public int Version => 1;

    public bool Wants(string path, long size) =>
        path.EndsWith(".gemspec", StringComparison.Ordinal) && FileNames.HasParentName(path, "specifications");

    public async Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
    {
        var text = await ManifestReader.ReadTextAsync(file, findings, Name, cancellationToken);
        if (text is null) return;
        var name = NamePattern().Match(text);
        var version = VersionPattern().Match(text);
        if (!name.Success || !version.Success)
        {
            findings.Warn($"{Name}: {file.Path}: no name or version assignment");
            return;
        }
        var licenses = LicensePattern().Match(text);
        string? license = null;
        if (licenses.Success)
            license = string.Join(", ", QuotedPattern().Matches(licenses.Groups[1].Value).Select(m => m.Groups[1].Value));
        findings.AddPackages(file.Path,
        [
            new Package
            {
                Name = name.Groups[1].Value,
                Version = version.Groups[1].Value,
                Ecosystem = Ecosystem.RubyGems,
                License = string.IsNullOrEmpty(license) ? null : license,
                FilePath = file.Path,
            },
        ]);
    }

    [GeneratedRegex(@"^\s*\w+\.name\s*=\s*[""']([^""']+)[""']", RegexOptions.Multiline)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^\s*\w+\.version\s*=\s*(?:Gem::Version\.new\(\s*)?[""']([^""']+)[""']", RegexOptions.Multiline)]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^\s*\w+\.licenses?\s*=\s*(.+)$", RegexOptions.Multiline)]
    private static partial Regex LicensePattern();

    [GeneratedRegex(@"[""']([^""']+)[""']")]
    private static partial Regex QuotedPattern();
}
