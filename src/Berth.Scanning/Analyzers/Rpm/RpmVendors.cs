namespace Berth.Scanning.Analyzers.Rpm;

/// <summary>
/// Vendors whose packages the distributions' own advisories cover, by VENDOR prefix (Trivy's list).
/// Anything else (a vendor's own repository, a locally built rpm without VENDOR) is third-party.
/// </summary>
internal static class RpmVendors
{
    private static readonly string[] DistributionPrefixes =
    [
        "Amazon Linux",          // Amazon Linux 1
        "Amazon.com",            // Amazon Linux 2 and 2023
        "CentOS",
        "Fedora Project",
        "Oracle America",        // Oracle Linux
        "Red Hat",
        "AlmaLinux",
        "CloudLinux",            // AlmaLinux builds
        "VMware",                // Photon OS
        "SUSE",
        "openSUSE",
        "Microsoft Corporation", // CBL-Mariner / Azure Linux
        "Rocky",
    ];

    public static bool IsDistribution(string? vendor) =>
        vendor is not null && DistributionPrefixes.Any(prefix => vendor.StartsWith(prefix, StringComparison.Ordinal));
}
