namespace Berth.Scanning.Matching;

/// <summary>
/// One ecosystem an OS package's advisories are stored under, e.g. "Debian:12", "AlmaLinux:9",
/// "Red Hat:enterprise_linux:9::appstream". Feeds key distro packages by the source package; some (Red Hat,
/// Photon OS, Azure Linux) may name a binary rpm instead, so for those the binary name is looked up too.
/// </summary>
/// <param name="Ecosystem">The stored ecosystem string (as <see cref="Advisories.PackageNames.NormaliseEcosystem"/> leaves it).</param>
/// <param name="BinaryNames">Also look the package up by its binary name, compared at its binary version.</param>
public sealed record AdvisoryBucket(string Ecosystem, bool BinaryNames = false);
