namespace Berth.Bench.Workload;

/// <summary>
/// Reads a range of a <see cref="UniqueBlob"/>: bytes from the template file, then the marker. Forward
/// only; the request sets Content-Length itself, so the stream need not seek.
/// </summary>
public sealed class UniqueBlobStream : Stream
{
    private readonly BlobTemplate template;
    private readonly byte[] marker;
    private readonly long end;
    private long position;

    public UniqueBlobStream(BlobTemplate template, byte[] marker, long start, long end)
    {
        this.template = template;
        this.marker = marker;
        this.end = end;
        position = start;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (FromFile(buffer.Length) is { } fileCount)
        {
            var read = RandomAccess.Read(template.Handle, buffer[..fileCount], position);
            return Advance(read);
        }

        return ReadMarker(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (FromFile(buffer.Length) is { } fileCount)
        {
            var read = await RandomAccess.ReadAsync(template.Handle, buffer[..fileCount], position, cancellationToken);
            return Advance(read);
        }

        return ReadMarker(buffer.Span);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    // How many bytes the next read takes from the file, or null once the range is past the file.
    private int? FromFile(int wanted)
    {
        var fileEnd = Math.Min(end, template.PrefixLength);
        return position < fileEnd ? (int)Math.Min(wanted, fileEnd - position) : null;
    }

    private int Advance(int read)
    {
        if (read == 0)
        {
            throw new EndOfStreamException($"blob file {template.Path} is shorter than expected");
        }

        position += read;
        return read;
    }

    private int ReadMarker(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, end - position);
        if (count <= 0)
        {
            return 0;
        }

        marker.AsSpan((int)(position - template.PrefixLength), count).CopyTo(buffer);
        position += count;
        return count;
    }
}
