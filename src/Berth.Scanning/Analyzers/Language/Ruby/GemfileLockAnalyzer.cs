using System.Text.RegularExpressions;
using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Analyzers.Language.Ruby;

/// <summary>
/// Bundler's <c>Gemfile.lock</c> (directory scans only). In the GEM, GIT and PATH sections, lines indented
/// four spaces under <c>specs:</c> are the locked gems, <c>name (version)</c>; six-space lines are their
/// requirements. A platform suffix ("1.13.6-x86_64-linux") is not part of the gem's version.
/// </summary>
public sealed partial class GemfileLockAnalyzer : IFileAnalyzer
{
    public string Name => "bundler";

    public int Version => 1;

    public bool Wants(string path, long size) => FileNames.HasBaseName(path, "Gemfile.lock");

    public async Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
    {
        var text = await ManifestReader.ReadTextAsync(file, findings, Name, cancellationToken);
        if (text is null) return;
        var packages = new Dictionary<(string, string), Package>();
        var inSpecs = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0 || !line.StartsWith(' '))
            {
                inSpecs = false;
                continue;
            }
            if (line == "  specs:")
            {
                inSpecs = true;
                continue;
            }
            if (!inSpecs) continue;
            var match = SpecLine().Match(line);
            if (!match.Success) continue;
            var version = match.Groups["version"].Value;
            var platform = version.IndexOf('-');
            if (platform > 0) version = version[..platform];
            var name = match.Groups["name"].Value;
            packages.TryAdd((name, version), new Package { Name = name, Version = version, Ecosystem = Ecosystem.RubyGems, FilePath = file.Path });
        }
        findings.AddPackages(file.Path, packages.Values);
    }

    [GeneratedRegex(@"^ {4}(?<name>[^\s(]+) \((?<version>[^)\s]+)\)$")]
    private static partial Regex SpecLine();
}
