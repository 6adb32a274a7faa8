using Berth.Scanning.Advisories;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Matching;

/// <summary>
/// The ecosystem string advisories for a package are stored under: the language ecosystem's OSV name, or
/// the distribution's release buckets (Debian major, Alpine minor with "v", Ubuntu full release, rpm
/// distributions per <see cref="RpmDistributions"/>) — distro
/// packages match only their own distribution's advisories, which carry its backported fixes.
/// </summary>
public static class AdvisoryEcosystems
{
    /// <summary>The OSV ecosystem of a language package, or null for OS packages.</summary>
    public static string? ForLanguage(Ecosystem ecosystem) => ecosystem switch
    {
        Ecosystem.Npm => "npm",
        Ecosystem.PyPI => "PyPI",
        Ecosystem.Go => "Go",
        Ecosystem.Maven => "Maven",
        Ecosystem.NuGet => "NuGet",
        Ecosystem.CratesIo => "crates.io",
        Ecosystem.RubyGems => "RubyGems",
        Ecosystem.Packagist => "Packagist",
        _ => null,
    };

    /// <summary>
    /// The buckets for packages of <paramref name="ecosystem"/> on <paramref name="os"/>: empty when the
    /// package's kind does not belong to that OS or no feed covers the release.
    /// </summary>
    public static IReadOnlyList<AdvisoryBucket> ForOs(OsRelease os, Ecosystem ecosystem)
    {
        if (ecosystem == Ecosystem.Rpm) return RpmDistributions.For(os);
        var parts = os.Version.Trim().Split('.', '/');
        string? bucket = (os.Family, ecosystem) switch
        {
            ("debian", Ecosystem.Debian) when parts[0].Length > 0 && parts[0].All(char.IsAsciiDigit) => "Debian:" + parts[0],
            ("debian", Ecosystem.Debian) when DebianReleases.WithSid.TryGetValue(parts[0], out var major) => "Debian:" + major,
            ("ubuntu", Ecosystem.Ubuntu) when os.Version.Trim().Length > 0 => "Ubuntu:" + os.Version.Trim(),
            ("alpine", Ecosystem.Alpine) when parts.Length >= 2 => $"Alpine:v{parts[0]}.{parts[1]}",
            ("alpine", Ecosystem.Alpine) when parts[0] == "edge" => "Alpine:edge",
            _ => null,
        };
        return bucket is null ? [] : [new AdvisoryBucket(bucket)];
    }
}
