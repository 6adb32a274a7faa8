using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Analyzers.Language.Npm;

/// <summary>
/// <c>yarn.lock</c> (directory scans only), classic v1 and berry. Both are indentation-structured: an
/// unindented line ending in ':' lists the descriptors ("name@range", berry "name@npm:range") an entry
/// resolves, and its indented <c>version</c> line ("version "1.2.3"" or "version: 1.2.3") is the installed
/// version. Berry's workspace, patch, link and portal entries are not registry packages and are skipped.
/// </summary>
public sealed class YarnLockAnalyzer : IFileAnalyzer
{
    private static readonly string[] LocalProtocols = ["workspace:", "patch:", "link:", "portal:", "file:"];

    public string Name => "yarn";

    public int Version => 1;

    public bool Wants(string path, long size) => FileNames.HasBaseName(path, "yarn.lock");

    public async Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
    {
        var text = await ManifestReader.ReadTextAsync(file, findings, Name, cancellationToken);
        if (text is null) return;

        var packages = new Dictionary<(string, string), Package>();
        string? entryName = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (!char.IsWhiteSpace(line[0]))
            {
                entryName = line.EndsWith(':') ? EntryName(line[..^1]) : null;
                continue;
            }
            if (entryName is null) continue;

            var trimmed = line.TrimStart();
            if (line.Length - trimmed.Length != 2 || !trimmed.StartsWith("version", StringComparison.Ordinal)) continue;
            var version = trimmed["version".Length..].TrimStart(':', ' ').Trim().Trim('"');
            if (version.Length > 0)
            {
                packages.TryAdd((entryName, version), new Package
                {
                    Name = entryName, Version = version, Ecosystem = Ecosystem.Npm, FilePath = file.Path,
                });
            }
            entryName = null;
        }
        findings.AddPackages(file.Path, packages.Values);
    }

    /// <summary>The package name of an entry header, or null for metadata and non-registry entries.</summary>
    private static string? EntryName(string header)
    {
        var first = header.Split(',')[0].Trim().Trim('"');
        var at = first.IndexOf('@', 1);
        if (at <= 0) return null;
        var name = first[..at];
        var range = first[(at + 1)..];
        if (LocalProtocols.Any(p => range.StartsWith(p, StringComparison.Ordinal))) return null;
        return NpmPackageName.IsValid(name) ? name : null;
    }
}
