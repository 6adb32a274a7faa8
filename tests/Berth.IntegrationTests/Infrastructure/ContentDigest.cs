using System.Security.Cryptography;

namespace Berth.IntegrationTests.Infrastructure;

/// <summary>sha256 digests in the OCI form <c>sha256:&lt;hex&gt;</c>, computed by the tests themselves.</summary>
public static class ContentDigest
{
    public static string Of(ReadOnlySpan<byte> content) => Format(SHA256.HashData(content));

    public static async Task<string> OfFileAsync(string path)
    {
        await using var file = File.OpenRead(path);
        return Format(await SHA256.HashDataAsync(file));
    }

    public static async Task<string> OfStreamAsync(Stream stream) => Format(await SHA256.HashDataAsync(stream));

    public static string Format(byte[] hash) => "sha256:" + Convert.ToHexStringLower(hash);

    /// <summary>The hex part, as OCI layouts and blob directories name files.</summary>
    public static string Hex(string digest) => digest["sha256:".Length..];
}
