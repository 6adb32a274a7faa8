using System.Text.RegularExpressions;
using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Analyzers.Os;

/// <summary>
/// Alpine's database, lib/apk/db/installed: one paragraph per package of "X:value" lines — P name, V version,
/// o origin (the source package Alpine's advisories name), A arch, L license, F directory and R file (installed
/// files). A name seen twice keeps its first paragraph, as apk and Trivy do.
/// </summary>
public sealed partial class ApkAnalyzer : IFileAnalyzer
{
    public string Name => "apk";

    public int Version => 1;

    public bool Wants(string path, long size) => path is "lib/apk/db/installed" or "usr/lib/apk/db/installed";

    public async Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
    {
        var lines = new TextLineReader(file.Content, 8192);
        var packages = new List<Package>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var installed = new List<string>();
        var paragraph = new Paragraph();
        var malformed = 0;
        var number = 1;
        while (true)
        {
            var line = await lines.ReadLineAsync(cancellationToken);
            if (line is null || line.Trim().Length == 0)
            {
                if (!paragraph.IsEmpty)
                {
                    Finish(paragraph, number++, file.Path, packages, names, findings);
                    paragraph = new Paragraph();
                }
                if (line is null) break;
                continue;
            }
            if (line.Length < 2 || line[1] != ':')
            {
                malformed++;
                continue;
            }
            var value = line[2..];
            switch (line[0])
            {
                case 'P': paragraph.Name = value; break;
                case 'V': paragraph.Version = value; break;
                case 'o': paragraph.Origin = value; break;
                case 'A': paragraph.Architecture = value; break;
                case 'L': paragraph.License = value; break;
                case 'F': paragraph.Directory = LayerPath.Clean(value); break;
                case 'R':
                    if (paragraph.Directory is { } directory && LayerPath.Clean(LayerPath.Combine(directory, value)) is { Length: > 0 } path)
                        installed.Add(path);
                    else
                        malformed++;
                    break;
            }
            paragraph.IsEmpty = false;
        }
        if (malformed > 0) findings.Warn($"apk: '{file.Path}' has {malformed} malformed lines; they were ignored");
        if (lines.OverlongLines > 0) findings.Warn($"apk: '{file.Path}' has {lines.OverlongLines} overlong lines; they were cut");
        findings.AddPackages(file.Path, packages);
        findings.AddInstalledFiles(installed);
    }

    private static void Finish(Paragraph paragraph, int number, string path, List<Package> packages, HashSet<string> names, LayerFindings findings)
    {
        if (string.IsNullOrEmpty(paragraph.Name))
        {
            findings.Warn($"apk: paragraph {number} of '{path}' has no P: name; skipped");
            return;
        }
        if (paragraph.Version is null || !ApkVersion().IsMatch(paragraph.Version))
        {
            findings.Warn($"apk: package '{paragraph.Name}' in '{path}' has {(paragraph.Version is null ? "no V: version" : $"an invalid version '{paragraph.Version}'")}; skipped");
            return;
        }
        if (!names.Add(paragraph.Name)) return;
        packages.Add(new Package
        {
            Name = paragraph.Name,
            Version = paragraph.Version,
            Ecosystem = Ecosystem.Alpine,
            SourceName = string.IsNullOrEmpty(paragraph.Origin) ? paragraph.Name : paragraph.Origin,
            SourceVersion = paragraph.Version,
            Architecture = paragraph.Architecture,
            License = paragraph.License,
            FilePath = path,
        });
    }

    // apk-tools' version grammar: numbers, an optional letter, _suffixes with optional numbers, ~hash, -rN.
    [GeneratedRegex(@"^\d+(\.\d+)*[a-z]?(_(alpha|beta|pre|rc|cvs|svn|git|hg|p)\d*)*(~[0-9a-f]+)?(-r\d+)?$")]
    private static partial Regex ApkVersion();

    private sealed class Paragraph
    {
        public bool IsEmpty { get; set; } = true;
        public string? Name { get; set; }
        public string? Version { get; set; }
        public string? Origin { get; set; }
        public string? Architecture { get; set; }
        public string? License { get; set; }
        public string? Directory { get; set; }
    }
}
