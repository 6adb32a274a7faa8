namespace Berth.Scanning.Packages;

/// <summary>
/// The package world a package belongs to. It decides which version scheme orders its versions and which
/// advisories may name it: OS packages only match their distribution's advisories (backported fixes),
/// language packages match their ecosystem's.
/// </summary>
public enum Ecosystem
{
    Debian,
    Ubuntu,
    Alpine,
    /// <summary>RPM-based distributions (RHEL and rebuilds, Fedora, SUSE, Amazon, Photon, …).</summary>
    Rpm,
    Npm,
    PyPI,
    Go,
    Maven,
    NuGet,
    CratesIo,
    RubyGems,
    Packagist,
}
