using System.Security.Cryptography;
using System.Text;

namespace Berth.Scanning.Reports.Formats;

/// <summary>
/// The unique identifiers an SBOM must carry (SPDX's documentNamespace, CycloneDX's serialNumber), derived from the
/// image digest and the inventory instead of drawn at random: the same report renders to the same bytes, so the
/// document's digest (Harbor's <c>sbom_digest</c>) can be computed once and still match what is served later.
/// The identifier is an RFC 9562 version 8 UUID made of the first bytes of a SHA-256 over those facts.
/// </summary>
internal static class SbomIdentity
{
    /// <param name="purpose">Which document this is for ("spdx", "cyclonedx"): the two get different identifiers.</param>
    public static Guid Of(ScanReport report, string purpose)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string? text) => hash.AppendData(Encoding.UTF8.GetBytes((text ?? "") + "\n"));
        Add(purpose);
        Add(report.Image.ManifestDigest ?? report.Image.ConfigDigest);
        Add(report.Image.Name);
        Add(report.OperatingSystem is { } os ? $"{os.Family} {os.Version}" : null);
        // Sorted, so the identifier names the set of packages, whatever order a layer walk listed them in.
        var lines = report.Packages
            .Select(p => string.Join('\t', p.Ecosystem, p.Name, p.Version, p.FilePath, p.SourceName, p.SourceVersion, p.Architecture, p.License))
            .Order(StringComparer.Ordinal);
        foreach (var line in lines) Add(line);

        Span<byte> bytes = stackalloc byte[16];
        hash.GetHashAndReset().AsSpan(0, 16).CopyTo(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8: custom, here name-based on SHA-256
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // the RFC 4122/9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}
