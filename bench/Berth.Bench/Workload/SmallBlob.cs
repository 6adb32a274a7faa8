namespace Berth.Bench.Workload;

/// <summary>A blob small enough to live in memory: image configs.</summary>
public sealed class SmallBlob(byte[] content) : IBlobSource
{
    public byte[] Content { get; } = content;

    public string Digest { get; } = ContentDigest.Sha256(content);

    public long Length => Content.Length;

    public Stream OpenRange(long offset, long count) =>
        new MemoryStream(Content, checked((int)offset), checked((int)count), writable: false);
}
