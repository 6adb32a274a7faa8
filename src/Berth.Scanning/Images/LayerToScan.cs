namespace Berth.Scanning.Images;

/// <summary>
/// One layer of an image to scan: its diff id (the digest of the uncompressed tar, from the image
/// config, which keys the per-layer cache) and a way to open its blob, compressed as stored.
/// </summary>
public sealed record LayerToScan(string DiffId, string? Digest, Func<CancellationToken, Task<Stream>> Open);
