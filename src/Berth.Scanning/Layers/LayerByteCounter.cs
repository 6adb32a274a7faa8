using System.Security.Cryptography;

namespace Berth.Scanning.Layers;

/// <summary>
/// Sits between the decompressor and the tar reader: counts and hashes every uncompressed byte (the diff id), stops
/// the layer once it expands past the limit (decompression bombs), and turns the decompressor's complaints about its
/// input into a <see cref="LayerFailureKind.CorruptCompression"/> failure.
/// </summary>
internal sealed class LayerByteCounter(Stream uncompressed, string format, long maxBytes) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    /// <summary>"sha256:&lt;hex&gt;" of everything read so far; call after <see cref="DrainAsync"/>.</summary>
    public string DiffId() => "sha256:" + Convert.ToHexStringLower(_hash.GetCurrentHash());

    /// <summary>Reads what follows the tar's end marker (record padding) so the diff id covers the whole layer.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (await ReadAsync(buffer, cancellationToken) > 0)
        {
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = uncompressed.Read(buffer[..Allowed(buffer.Length)]);
        }
        catch (Exception e) when (IsCorruptInput(e))
        {
            throw Corrupt(e);
        }
        return Count(buffer[..n]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int n;
        try
        {
            n = await uncompressed.ReadAsync(buffer[..Allowed(buffer.Length)], cancellationToken);
        }
        catch (Exception e) when (IsCorruptInput(e))
        {
            throw Corrupt(e);
        }
        return Count(buffer.Span[..n]);
    }

    // Reading one byte past the limit is how a layer of exactly the limit is told apart from a larger one.
    private int Allowed(int requested) => (int)Math.Min(requested, maxBytes - BytesRead + 1);

    private int Count(ReadOnlySpan<byte> data)
    {
        BytesRead += data.Length;
        if (BytesRead > maxBytes)
            throw new LayerWalkException(LayerFailureKind.TooLarge,
                $"the layer expands to more than {maxBytes} bytes (ScanLimits.MaxLayerUncompressedBytes); it was not analyzed");
        _hash.AppendData(data);
        return data.Length;
    }

    // GZipStream reports bad input as InvalidDataException, ZstdSharp as ZstdException and a cut-off frame as
    // EndOfStreamException; other I/O errors of the blob itself stay exceptions (broken infrastructure, not a
    // property of the layer).
    private static bool IsCorruptInput(Exception e) => e is InvalidDataException or ZstdSharp.ZstdException or EndOfStreamException;

    private LayerWalkException Corrupt(Exception e) => e is EndOfStreamException
        ? new(LayerFailureKind.TruncatedArchive, $"the {format} data ends early, after {BytesRead} uncompressed bytes: {e.Message}")
        : new(LayerFailureKind.CorruptCompression, $"the {format} data is corrupt after {BytesRead} uncompressed bytes: {e.Message}");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
            uncompressed.Dispose();
        }
        base.Dispose(disposing);
    }
}
