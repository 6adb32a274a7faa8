using System.Security.Cryptography;

namespace Berth.Bench.Workload;

/// <summary>OCI digests in their "sha256:hex" text form.</summary>
public static class ContentDigest
{
    public static string Sha256(ReadOnlySpan<byte> content) => Format(SHA256.HashData(content));

    public static string Format(ReadOnlySpan<byte> sha256) => "sha256:" + Convert.ToHexStringLower(sha256);
}
