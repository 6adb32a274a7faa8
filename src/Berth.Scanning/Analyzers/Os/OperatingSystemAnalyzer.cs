using System.Text.RegularExpressions;
using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Analyzers.Os;

/// <summary>
/// Names the distribution from its release files (os-release, alpine-release, debian_version, lsb-release, the
/// redhat-release family, Amazon's system-release) and records it with <see cref="LayerFindings.DetectOperatingSystem"/>,
/// which lets a specific distribution replace a Debian or Red Hat guess (Ubuntu ships debian_version too).
/// Unlike Trivy, os-release's debian and ubuntu ids are used as well: distroless images may carry only os-release.
/// </summary>
public sealed partial class OperatingSystemAnalyzer : IFileAnalyzer
{
    /// <summary>Release files are a few lines; anything past this is not a release file.</summary>
    private const int MaxLines = 200;

    private static readonly HashSet<string> RedHatFamilyFiles = new(StringComparer.Ordinal)
    {
        "etc/redhat-release", "etc/centos-release", "etc/rocky-release", "etc/almalinux-release", "etc/oracle-release", "etc/fedora-release",
    };

    // os-release ID → family as Trivy names it. Ids not listed are not distributions the scanner has advisories for.
    private static readonly Dictionary<string, string> OsReleaseFamilies = new(StringComparer.Ordinal)
    {
        ["rhel"] = "redhat", ["centos"] = "centos", ["rocky"] = "rocky", ["almalinux"] = "alma", ["ol"] = "oracle",
        ["fedora"] = "fedora", ["alpine"] = "alpine", ["opensuse-leap"] = "opensuse.leap", ["opensuse"] = "opensuse.leap",
        ["opensuse-tumbleweed"] = "opensuse.tumbleweed", ["sles"] = "sles", ["sle-micro"] = "slem", ["photon"] = "photon",
        ["wolfi"] = "wolfi", ["chainguard"] = "chainguard", ["azurelinux"] = "azurelinux", ["mariner"] = "cbl-mariner",
        ["amzn"] = "amazon", ["debian"] = "debian", ["ubuntu"] = "ubuntu", ["bottlerocket"] = "bottlerocket",
        ["echo"] = "echo", ["minimos"] = "minimos",
    };

    public string Name => "os";

    public int Version => 1;

    public bool Wants(string path, long size) => path switch
    {
        "etc/os-release" or "usr/lib/os-release" or "etc/alpine-release" or "etc/debian_version" or "etc/lsb-release"
            or "etc/system-release" or "usr/lib/system-release" => true,
        _ => RedHatFamilyFiles.Contains(path),
    };

    public async Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
    {
        var lines = await ReadLinesAsync(file, cancellationToken);
        var detected = file.Path switch
        {
            "etc/os-release" or "usr/lib/os-release" => FromOsRelease(lines),
            "etc/alpine-release" => FirstLine(lines) is { } alpine ? new OsRelease("alpine", alpine) : null,
            "etc/debian_version" => FirstLine(lines) is { } debian ? new OsRelease("debian", debian) : null,
            "etc/lsb-release" => FromLsbRelease(lines),
            "etc/system-release" or "usr/lib/system-release" => FromSystemRelease(lines),
            _ => FromRedHatRelease(lines),
        };
        if (detected is null)
        {
            findings.Warn($"os: '{file.Path}' does not name a known distribution and release");
            return;
        }
        findings.DetectOperatingSystem(detected);
    }

    private static async Task<List<string>> ReadLinesAsync(LayerFile file, CancellationToken cancellationToken)
    {
        var reader = new TextLineReader(file.Content, 4096);
        var lines = new List<string>();
        while (lines.Count < MaxLines && await reader.ReadLineAsync(cancellationToken) is { } line) lines.Add(line);
        return lines;
    }

    private static string? FirstLine(List<string> lines) =>
        lines.Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);

    private static OsRelease? FromOsRelease(List<string> lines)
    {
        var fields = KeyValues(lines);
        if (!fields.TryGetValue("ID", out var id) || !fields.TryGetValue("VERSION_ID", out var version) || version.Length == 0) return null;
        return OsReleaseFamilies.TryGetValue(id.ToLowerInvariant(), out var family) ? new OsRelease(family, version) : null;
    }

    private static OsRelease? FromLsbRelease(List<string> lines)
    {
        var fields = KeyValues(lines);
        return fields.TryGetValue("DISTRIB_ID", out var id) && id.Equals("Ubuntu", StringComparison.OrdinalIgnoreCase)
            && fields.TryGetValue("DISTRIB_RELEASE", out var release) && release.Length > 0
            ? new OsRelease("ubuntu", release)
            : null;
    }

    private static OsRelease? FromRedHatRelease(List<string> lines)
    {
        var line = FirstLine(lines);
        if (line is null || ReleaseLine().Match(line) is not { Success: true } match) return null;
        var name = match.Groups["name"].Value.ToLowerInvariant();
        var family = name switch
        {
            _ when name.Contains("centos") => "centos",
            _ when name.Contains("rocky") => "rocky",
            _ when name.Contains("alma") => "alma",
            _ when name.Contains("oracle") => "oracle",
            _ when name.Contains("fedora") => "fedora",
            _ => "redhat",
        };
        return new OsRelease(family, match.Groups["version"].Value);
    }

    private static OsRelease? FromSystemRelease(List<string> lines)
    {
        var line = FirstLine(lines);
        if (line is null) return null;
        if (!line.StartsWith("Amazon Linux", StringComparison.Ordinal)) return FromRedHatRelease(lines);
        // "Amazon Linux AMI release 2018.03" is Amazon Linux 1; later ones name their release after "release".
        if (line.StartsWith("Amazon Linux AMI", StringComparison.Ordinal)) return new OsRelease("amazon", "1");
        return ReleaseLine().Match(line) is { Success: true } match ? new OsRelease("amazon", match.Groups["version"].Value) : null;
    }

    /// <summary>KEY=value lines; values may be quoted with ' or ". Later keys win, as a shell sourcing the file would.</summary>
    private static Dictionary<string, string> KeyValues(List<string> lines)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var equals = line.IndexOf('=');
            if (equals <= 0) continue;
            var value = line[(equals + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0]) value = value[1..^1];
            fields[line[..equals].Trim()] = value;
        }
        return fields;
    }

    [GeneratedRegex(@"^(?<name>.*) release (?<version>\d[\d.]*)")]
    private static partial Regex ReleaseLine();
}
