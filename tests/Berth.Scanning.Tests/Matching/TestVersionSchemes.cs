using Berth.Scanning.Packages;
using Berth.Scanning.Versions;

namespace Berth.Scanning.Tests.Matching;

/// <summary>
/// The version schemes the scan-versions module provides, by ecosystem, until its own
/// <c>VersionSchemes.For</c> lands; no comparison logic lives here.
/// </summary>
internal static class TestVersionSchemes
{
    public static IVersionScheme? For(Ecosystem ecosystem) => ecosystem switch
    {
        Ecosystem.Go or Ecosystem.CratesIo or Ecosystem.Packagist or Ecosystem.NuGet => new GenericVersionScheme(),
        Ecosystem.Npm => new NpmVersionScheme(),
        Ecosystem.PyPI => new Pep440VersionScheme(),
        Ecosystem.Debian or Ecosystem.Ubuntu => new DpkgVersionScheme(),
        Ecosystem.Alpine => new ApkVersionScheme(),
        Ecosystem.Rpm => new RpmVersionScheme(),
        _ => null,
    };
}
