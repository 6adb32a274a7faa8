using System.Text.RegularExpressions;
using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Analyzers.Os;

/// <summary>
/// dpkg's database: packages from var/lib/dpkg/status and from distroless's one-file-per-package
/// var/lib/dpkg/status.d/*, installed files from var/lib/dpkg/info/*.list and *.md5sums (and status.d/*.md5sums).
/// Packages are recorded as <see cref="Ecosystem.Debian"/>; <see cref="ImageInventory.Merge"/> makes them Ubuntu
/// when the image's OS is Ubuntu, because the release file may sit in another layer than the database.
/// </summary>
public sealed partial class DpkgAnalyzer : IFileAnalyzer
{
    private const string StatusFile = "var/lib/dpkg/status";
    private const string StatusDirectory = "var/lib/dpkg/status.d";
    private const string InfoDirectory = "var/lib/dpkg/info";

    // Maintainers of vendor repositories (Docker, NVIDIA, Microsoft, HashiCorp, nginx, NodeSource) whose packages
    // Debian's security tracker does not cover; matching them against Debian advisories would only mislead.
    private static readonly string[] ThirdPartyMaintainers =
    [
        "support@docker.com", "@nvidia.com", "@microsoft.com", "@hashicorp.com", "nginx-packaging@f5.com", "@nodesource.com",
    ];

    public string Name => "dpkg";

    public int Version => 1;

    public bool Wants(string path, long size)
    {
        if (path == StatusFile) return true;
        var directory = LayerPath.Directory(path);
        if (directory == StatusDirectory) return true;
        return directory == InfoDirectory && (path.EndsWith(".list", StringComparison.Ordinal) || path.EndsWith(".md5sums", StringComparison.Ordinal));
    }

    public async Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
    {
        if (file.Path.EndsWith(".md5sums", StringComparison.Ordinal) || LayerPath.Directory(file.Path) == InfoDirectory)
            await ReadInstalledFilesAsync(file, findings, cancellationToken);
        else
            await ReadPackagesAsync(file, findings, cancellationToken);
    }

    private static async Task ReadPackagesAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
    {
        var reader = new ControlStanzaReader(file.Content);
        var packages = new List<Package>();
        var stanzas = 0;
        while (await reader.ReadStanzaAsync(cancellationToken) is { } stanza)
        {
            stanzas++;
            if (!stanza.TryGetValue("Package", out var name) || name.Length == 0)
            {
                findings.Warn($"dpkg: stanza {stanzas} of '{file.Path}' has no Package field; skipped");
                continue;
            }
            if (!stanza.TryGetValue("Version", out var version) || !DebianVersionSyntax.IsValid(version))
            {
                findings.Warn($"dpkg: package '{name}' in '{file.Path}' has {(version is null ? "no Version" : $"an invalid version '{version}'")}; skipped");
                continue;
            }
            if (stanza.TryGetValue("Status", out var status) && !IsInstalled(status)) continue;

            string sourceName = name, sourceVersion = version;
            if (stanza.TryGetValue("Source", out var source) && SourceField().Match(source) is { Success: true } match)
            {
                sourceName = match.Groups["name"].Value;
                if (match.Groups["version"].Success) sourceVersion = match.Groups["version"].Value.Trim();
            }
            stanza.TryGetValue("Maintainer", out var maintainer);
            packages.Add(new Package
            {
                Name = name,
                Version = version,
                Ecosystem = Ecosystem.Debian,
                SourceName = sourceName,
                SourceVersion = sourceVersion,
                Architecture = stanza.GetValueOrDefault("Architecture"),
                FilePath = file.Path,
                ThirdParty = maintainer is not null && ThirdPartyMaintainers.Any(m => maintainer.Contains(m, StringComparison.OrdinalIgnoreCase)),
            });
        }
        if (reader.MalformedLines > 0) findings.Warn($"dpkg: '{file.Path}' has {reader.MalformedLines} malformed lines; they were ignored");
        if (reader.OverlongLines > 0) findings.Warn($"dpkg: '{file.Path}' has {reader.OverlongLines} overlong lines; they were cut");
        findings.AddPackages(file.Path, packages);
    }

    /// <summary>
    /// As Trivy: a package is gone when it is selected for removal (deinstall, purge). Also gone: states where no
    /// files remain (not-installed, config-files). Half-installed and half-configured packages are kept: their files
    /// are on disk.
    /// </summary>
    private static bool IsInstalled(string status)
    {
        var words = status.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(w => w is "deinstall" or "purge")) return false;
        return words.Length < 3 || words[2] is not ("not-installed" or "config-files");
    }

    private static async Task ReadInstalledFilesAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
    {
        var lines = new TextLineReader(file.Content, 8192);
        var md5sums = file.Path.EndsWith(".md5sums", StringComparison.Ordinal);
        var paths = new List<string>();
        var malformed = 0;
        while (await lines.ReadLineAsync(cancellationToken) is { } line)
        {
            var entry = line;
            if (md5sums)
            {
                // "<md5>  <path>": the path follows the first run of spaces.
                var space = line.IndexOf(' ');
                if (space <= 0)
                {
                    if (line.Trim().Length > 0) malformed++;
                    continue;
                }
                entry = line[space..].TrimStart();
            }
            var cleaned = LayerPath.Clean(entry);
            if (cleaned is null)
            {
                malformed++;
                continue;
            }
            if (cleaned.Length > 0) paths.Add(cleaned);
        }
        if (malformed > 0) findings.Warn($"dpkg: '{file.Path}' has {malformed} unreadable lines; they were ignored");
        findings.AddInstalledFiles(paths);
    }

    [GeneratedRegex(@"^(?<name>\S+)(?:\s+\((?<version>[^)]*)\))?")]
    private static partial Regex SourceField();
}
