using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Berth.IntegrationTests.Conformance;

/// <summary>
/// One piece of content as a registry stores it: the bytes, their digest and the media type a descriptor
/// gives them. Digests are computed here, independently of the server's code, so a test checks the
/// server against the definition rather than against itself.
/// </summary>
public sealed record OciContent(byte[] Bytes, string Digest, string MediaType)
{
    public long Size => Bytes.LongLength;

    public static OciContent Of(byte[] bytes, string mediaType, string algorithm = "sha256") =>
        new(bytes, ComputeDigest(bytes, algorithm), mediaType);

    /// <summary><c>algorithm:hex</c> of the bytes, for sha256 or sha512.</summary>
    public static string ComputeDigest(ReadOnlySpan<byte> bytes, string algorithm = "sha256")
    {
        var hash = algorithm switch
        {
            "sha256" => SHA256.HashData(bytes),
            "sha512" => SHA512.HashData(bytes),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "only sha256 and sha512 are used in these tests"),
        };
        return $"{algorithm}:{Convert.ToHexStringLower(hash)}";
    }

    /// <summary>The OCI descriptor that points at this content.</summary>
    public JsonObject Descriptor() => new()
    {
        ["mediaType"] = MediaType,
        ["digest"] = Digest,
        ["size"] = Size,
    };
}
