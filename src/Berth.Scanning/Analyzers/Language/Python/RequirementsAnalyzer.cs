using System.Text.RegularExpressions;
using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Analyzers.Language.Python;

/// <summary>
/// pip <c>requirements.txt</c> (directory scans only). Only exact pins (<c>name==1.2</c>, <c>name===1.2</c>)
/// name an installed version; ranges, options (<c>-r</c>, <c>--hash</c>), URLs and editable installs do not.
/// Comments and environment markers after ';' are ignored.
/// </summary>
public sealed partial class RequirementsAnalyzer : IFileAnalyzer
{
    public string Name => "pip";

    public int Version => 1;

    public bool Wants(string path, long size)
    {
        // The cheap test first: most files of a layer are not .txt, and those need no name cut out.
        return path.EndsWith(".txt", StringComparison.Ordinal) && FileNames.BaseName(path).StartsWith("requirements", StringComparison.Ordinal);
    }

    public async Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
    {
        var text = await ManifestReader.ReadTextAsync(file, findings, Name, cancellationToken);
        if (text is null) return;
        var packages = new List<Package>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine;
            var comment = line.IndexOf(" #", StringComparison.Ordinal);
            if (comment >= 0) line = line[..comment];
            var marker = line.IndexOf(';');
            if (marker >= 0) line = line[..marker];
            var match = Pin().Match(line.Trim());
            if (!match.Success) continue;
            packages.Add(new Package
            {
                Name = match.Groups["name"].Value,
                Version = match.Groups["version"].Value,
                Ecosystem = Ecosystem.PyPI,
                FilePath = file.Path,
            });
        }
        findings.AddPackages(file.Path, packages);
    }

    // name[extras] == version, with nothing after the version but pip options such as --hash.
    [GeneratedRegex(@"^(?<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*===?\s*(?<version>[A-Za-z0-9!+._-]+)\s*(?:\s--?\S.*)?\\?$")]
    private static partial Regex Pin();
}
