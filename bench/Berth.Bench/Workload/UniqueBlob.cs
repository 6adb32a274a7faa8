namespace Berth.Bench.Workload;

/// <summary>One push's layer: a template's file followed by this push's own marker.</summary>
public sealed class UniqueBlob(BlobTemplate template, byte[] marker, string digest) : IBlobSource
{
    public string Digest { get; } = digest;

    public long Length => template.Size.Bytes;

    public Stream OpenRange(long offset, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset + count, Length);
        return new UniqueBlobStream(template, marker, offset, offset + count);
    }
}
