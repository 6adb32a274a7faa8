using System.Text;

namespace Berth.Bench.Scanning;

/// <summary>
/// Writes a POSIX ustar archive forward-only, so a generated layer of any size streams straight into the compressor:
/// a 512-byte header, the content, zero padding to the next block, and two zero blocks at the end. Only regular files;
/// layers do not need directory entries for the walker to see the files.
/// </summary>
public sealed class UstarWriter(Stream output)
{
    private const int Block = 512;

    private readonly byte[] _header = new byte[Block];
    private long _pending;

    /// <summary>Uncompressed bytes written so far, headers and padding included.</summary>
    public long Written { get; private set; }

    public int Files { get; private set; }

    /// <summary>Writes the header of a file of <paramref name="size"/> bytes; its content follows with <see cref="WriteContentAsync"/>.</summary>
    public async Task BeginFileAsync(string path, long size, CancellationToken cancellationToken)
    {
        Array.Clear(_header);
        var (prefix, name) = Split(path);
        Encoding.ASCII.GetBytes(name, _header.AsSpan(0, 100));
        Octal(100, 8, 0b110_100_100); // mode 0644
        Octal(108, 8, 0);             // uid
        Octal(116, 8, 0);             // gid
        Octal(124, 12, size);
        Octal(136, 12, 1_700_000_000); // a fixed mtime keeps the layer reproducible
        _header[156] = (byte)'0';
        "ustar\0"u8.CopyTo(_header.AsSpan(257));
        "00"u8.CopyTo(_header.AsSpan(263));
        Encoding.ASCII.GetBytes(prefix, _header.AsSpan(345, 155));
        // The checksum is summed with its own field read as spaces.
        _header.AsSpan(148, 8).Fill((byte)' ');
        var sum = 0;
        foreach (var b in _header) sum += b;
        Octal(148, 7, sum);
        _header[155] = (byte)' ';
        await output.WriteAsync(_header, cancellationToken);
        Written += Block;
        Files++;
        _pending = size;
    }

    public async Task WriteContentAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        if (content.Length > _pending) throw new InvalidOperationException("more content than the header declared");
        await output.WriteAsync(content, cancellationToken);
        _pending -= content.Length;
        Written += content.Length;
        if (_pending == 0) await PadAsync(cancellationToken);
    }

    public async Task WriteFileAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await BeginFileAsync(path, content.Length, cancellationToken);
        if (content.Length == 0) return;
        await WriteContentAsync(content, cancellationToken);
    }

    /// <summary>The end-of-archive marker.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        if (_pending != 0) throw new InvalidOperationException("the last file is short of its declared size");
        await output.WriteAsync(new byte[2 * Block], cancellationToken);
        Written += 2 * Block;
    }

    private async Task PadAsync(CancellationToken cancellationToken)
    {
        var padding = (int)((Block - Written % Block) % Block);
        if (padding == 0) return;
        await output.WriteAsync(new byte[padding], cancellationToken);
        Written += padding;
    }

    private void Octal(int offset, int length, long value)
    {
        var digits = Convert.ToString(value, 8).PadLeft(length - 1, '0');
        if (digits.Length > length - 1) throw new ArgumentOutOfRangeException(nameof(value), $"{value} does not fit a {length}-byte tar field");
        Encoding.ASCII.GetBytes(digits, _header.AsSpan(offset, length - 1));
    }

    // ustar keeps names over 100 bytes as prefix (up to 155) + "/" + name (up to 100), split at a slash.
    private static (string Prefix, string Name) Split(string path)
    {
        if (Encoding.UTF8.GetByteCount(path) != path.Length) throw new ArgumentException($"'{path}' is not ASCII", nameof(path));
        if (path.Length <= 100) return ("", path);
        for (var slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1))
        {
            if (slash <= 155 && path.Length - slash - 1 <= 100) return (path[..slash], path[(slash + 1)..]);
        }
        throw new ArgumentException($"'{path}' is too long for a ustar name", nameof(path));
    }
}
