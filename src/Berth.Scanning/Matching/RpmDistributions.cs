using Berth.Scanning.Packages;

namespace Berth.Scanning.Matching;

/// <summary>
/// The OSV ecosystems (ossf/osv-schema ecosystems.json) that carry an rpm distribution's advisories, per release:
/// AlmaLinux and Rocky Linux by major release and source package; Red Hat by product stream, a CPE without its
/// <c>cpe:/[oa]:redhat:</c> prefix (BaseOS, AppStream and CodeReady Builder of the major release, or RHEL 7's
/// server variant), naming a binary or a source rpm; SUSE and openSUSE by the product's marketing name as
/// os-release's PRETTY_NAME writes it, keyed by source rpm; Photon OS by release; Azure Linux by major release,
/// CBL-Mariner 1 and 2 included (OSV files them as "Azure Linux:1"/"Azure Linux:2"). CentOS, Oracle Linux,
/// Fedora and Amazon Linux have no OSV ecosystem, so they get none.
/// </summary>
public static class RpmDistributions
{
    public static IReadOnlyList<AdvisoryBucket> For(OsRelease os)
    {
        var parts = os.Version.Trim().Split('.');
        var major = parts[0];
        if (major.Length == 0 || !major.All(char.IsAsciiDigit)) return os.Family == "opensuse.tumbleweed" ? [new("openSUSE:Tumbleweed")] : [];
        var minor = parts.Length > 1 && parts[1].Length > 0 && parts[1].All(char.IsAsciiDigit) ? parts[1] : null;
        return os.Family switch
        {
            "alma" => [new("AlmaLinux:" + major)],
            "rocky" => [new("Rocky Linux:" + major)],
            "redhat" when major == "7" => [new("Red Hat:enterprise_linux:7::server", BinaryNames: true)],
            "redhat" => [.. new[] { "baseos", "appstream", "crb" }.Select(stream => new AdvisoryBucket($"Red Hat:enterprise_linux:{major}::{stream}", BinaryNames: true))],
            "sles" => [new("SUSE:Linux Enterprise Server " + SuseRelease(major, minor)), new("SUSE:Linux Enterprise Module for Basesystem " + SuseRelease(major, minor))],
            "slem" when minor is not null => [new($"SUSE:Linux Enterprise Micro {major}.{minor}")],
            "opensuse.leap" when minor is not null => [new($"openSUSE:Leap {major}.{minor}")],
            "opensuse.tumbleweed" => [new("openSUSE:Tumbleweed")],
            "photon" => [new($"Photon OS:{major}.{minor ?? "0"}", BinaryNames: true)],
            "azurelinux" or "cbl-mariner" => [new("Azure Linux:" + major, BinaryNames: true)],
            _ => [],
        };
    }

    /// <summary>"15 SP5" for 15.5, "15" for 15.0 or 15: SUSE names service packs in its product names.</summary>
    private static string SuseRelease(string major, string? minor) => minor is null or "0" ? major : $"{major} SP{minor}";
}
