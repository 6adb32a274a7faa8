using System.IO.Compression;

namespace Berth.Scanning.Tests.Layers;

/// <summary>
/// A gzip stream that expands to <c>prefix</c> followed by an endless run of zeros, produced on the fly as
/// concatenated gzip members of 1 MiB of zeros each (about 1 KiB compressed), so many GiB cost nothing to hold.
/// <see cref="BytesProduced"/> says how much of it a reader pulled.
/// </summary>
public sealed class GzipBomb(byte[] prefix, long zeroMembers) : Stream
{
    private static readonly byte[] ZeroMember = TestLayer.Compress(new byte[1024 * 1024], s => new GZipStream(s, CompressionLevel.SmallestSize, leaveOpen: true));
    private readonly byte[] _first = TestLayer.Compress(prefix, s => new GZipStream(s, CompressionLevel.Fastest, leaveOpen: true));
    private long _member = -1;
    private int _offset;

    public static long ZeroMemberSize => ZeroMember.Length;

    public long BytesProduced { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var current = _member < 0 ? _first : ZeroMember;
        if (_offset == current.Length)
        {
            if (_member + 1 >= zeroMembers) return 0;
            _member++;
            _offset = 0;
            current = ZeroMember;
        }
        var n = Math.Min(count, current.Length - _offset);
        Array.Copy(current, _offset, buffer, offset, n);
        _offset += n;
        BytesProduced += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
