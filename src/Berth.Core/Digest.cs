using System.Security.Cryptography;

namespace Berth.Core;

/// <summary>
/// A content digest, <c>algorithm:encoded</c>, as the OCI image spec defines it. Only the
/// registered algorithms Berth can verify (sha256, sha512) parse; anything else is refused at the door.
/// </summary>
public readonly record struct Digest
{
    public const string Sha256 = "sha256";
    public const string Sha512 = "sha512";

    public string Algorithm { get; }
    public string Encoded { get; }

    private Digest(string algorithm, string encoded)
    {
        Algorithm = algorithm;
        Encoded = encoded;
    }

    public static bool TryParse(string? text, out Digest digest)
    {
        digest = default;
        if (string.IsNullOrEmpty(text)) return false;
        var colon = text.IndexOf(':');
        if (colon <= 0) return false;
        var algorithm = text[..colon];
        var encoded = text[(colon + 1)..];
        var expectedLength = algorithm switch
        {
            Sha256 => 64,
            Sha512 => 128,
            _ => -1,
        };
        if (encoded.Length != expectedLength || !IsLowerHex(encoded)) return false;
        digest = new Digest(algorithm, encoded);
        return true;
    }

    public static Digest Parse(string text) =>
        TryParse(text, out var digest) ? digest : throw new FormatException($"'{text}' is not a valid digest");

    /// <summary>True when the text has the digest grammar but names an algorithm Berth does not verify.</summary>
    public static bool IsUnsupportedAlgorithm(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        var colon = text.IndexOf(':');
        return colon > 0 && text[..colon] is not (Sha256 or Sha512) && colon < text.Length - 1;
    }

    public static Digest FromHash(string algorithm, ReadOnlySpan<byte> hash) =>
        new(algorithm, Convert.ToHexStringLower(hash));

    public static Digest Compute(ReadOnlySpan<byte> content, string algorithm = Sha256)
    {
        Span<byte> hash = stackalloc byte[64];
        var length = algorithm == Sha512 ? SHA512.HashData(content, hash) : SHA256.HashData(content, hash);
        return FromHash(algorithm, hash[..length]);
    }

    public HashAlgorithmName HashAlgorithm => Algorithm == Sha512 ? HashAlgorithmName.SHA512 : HashAlgorithmName.SHA256;

    public IncrementalHash CreateHasher() => IncrementalHash.CreateHash(HashAlgorithm);

    public static IncrementalHash CreateHasher(string algorithm) =>
        IncrementalHash.CreateHash(algorithm == Sha512 ? HashAlgorithmName.SHA512 : HashAlgorithmName.SHA256);

    public override string ToString() => Algorithm is null ? "" : $"{Algorithm}:{Encoded}";

    private static bool IsLowerHex(string text)
    {
        foreach (var c in text)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f'))) return false;
        }
        return true;
    }
}
