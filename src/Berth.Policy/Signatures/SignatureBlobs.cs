using Berth.Core;
using Berth.Storage;

namespace Berth.Policy.Signatures;

/// <summary>
/// Reads the small blobs signatures keep their payloads in (a simple-signing payload, a bundle, a JWS envelope),
/// refusing any larger than <see cref="MaxBytes"/> so a crafted signature cannot make a pull read gigabytes, and
/// checking the content against its digest.
/// </summary>
public sealed class SignatureBlobs(IBlobStore blobs)
{
    /// <summary>Real payloads are a few KiB; a bundle with a certificate chain and log entries stays well under this.</summary>
    public const int MaxBytes = 256 * 1024;

    /// <summary>The blob's bytes, or null when it is missing, larger than the cap, or not what its digest says.</summary>
    public async Task<byte[]?> ReadAsync(Digest digest, CancellationToken cancellationToken)
    {
        var size = await blobs.GetSizeAsync(digest, cancellationToken);
        if (size is null or > MaxBytes) return null;
        await using var stream = await blobs.OpenReadAsync(digest, cancellationToken);
        if (stream is null) return null;
        var buffer = new byte[size.Value];
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken);
            if (read == 0) return null;
            total += read;
        }
        return Digest.Compute(buffer, digest.Algorithm) == digest ? buffer : null;
    }
}
