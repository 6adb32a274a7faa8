using Berth.Scanning.Packages;

namespace Berth.Scanning.Versions;

/// <summary>
/// The version scheme of each ecosystem, as Trivy pairs them (scanning.md §2): dpkg for Debian and Ubuntu, apk
/// for Alpine, rpm for RPM distributions, node-semver for npm, PEP 440 for PyPI, ComparableVersion for Maven,
/// Gem::Version for RubyGems, and the generic semver-like comparer for Go, crates.io, Packagist and NuGet.
/// The schemes are stateless, so one shared instance of each is handed out.
/// </summary>
public static class VersionSchemes
{
    public static IVersionScheme Dpkg { get; } = new DpkgVersionScheme();
    public static IVersionScheme Apk { get; } = new ApkVersionScheme();
    public static IVersionScheme Rpm { get; } = new RpmVersionScheme();
    public static IVersionScheme Npm { get; } = new NpmVersionScheme();
    public static IVersionScheme Pep440 { get; } = new Pep440VersionScheme();
    public static IVersionScheme Maven { get; } = new MavenVersionScheme();
    public static IVersionScheme Gem { get; } = new GemVersionScheme();
    public static IVersionScheme Generic { get; } = new GenericVersionScheme();

    public static IVersionScheme For(Ecosystem ecosystem) => ecosystem switch
    {
        Ecosystem.Debian or Ecosystem.Ubuntu => Dpkg,
        Ecosystem.Alpine => Apk,
        Ecosystem.Rpm => Rpm,
        Ecosystem.Npm => Npm,
        Ecosystem.PyPI => Pep440,
        Ecosystem.Maven => Maven,
        Ecosystem.RubyGems => Gem,
        Ecosystem.Go or Ecosystem.CratesIo or Ecosystem.Packagist or Ecosystem.NuGet => Generic,
        _ => throw new ArgumentOutOfRangeException(nameof(ecosystem), ecosystem, "no version scheme for this ecosystem"),
    };
}
