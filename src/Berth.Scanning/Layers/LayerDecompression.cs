using System.IO.Compression;

namespace Berth.Scanning.Layers;

/// <summary>
/// Opens a layer blob as its uncompressed tar, choosing gzip, zstd or none by the blob's first bytes: media types
/// lie often enough (docker's "tar.gzip" for plain tars, zstd under gzip types) that the bytes are the better witness.
/// </summary>
internal static class LayerDecompression
{
    private static readonly byte[] Gzip = [0x1F, 0x8B];
    private static readonly byte[] Zstd = [0x28, 0xB5, 0x2F, 0xFD];
    private static readonly byte[] Xz = [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00];
    private static readonly byte[] Bzip2 = "BZh"u8.ToArray();

    /// <returns>The uncompressed stream and the name of the format found ("gzip", "zstd", "tar").</returns>
    public static async Task<(Stream Stream, string Format)> OpenAsync(Stream blob, CancellationToken cancellationToken)
    {
        var magic = new byte[6];
        var length = 0;
        while (length < magic.Length)
        {
            var n = await blob.ReadAsync(magic.AsMemory(length), cancellationToken);
            if (n == 0) break;
            length += n;
        }
        var head = magic.AsSpan(0, length);
        var replay = new PrefixedStream(magic.AsMemory(0, length), blob);
        if (head.StartsWith(Gzip)) return (new GZipStream(replay, CompressionMode.Decompress, leaveOpen: true), "gzip");
        if (head.StartsWith(Zstd)) return (new ZstdSharp.DecompressionStream(replay, leaveOpen: true), "zstd");
        if (head.StartsWith(Xz) || head.StartsWith(Bzip2))
            throw new LayerWalkException(LayerFailureKind.CorruptCompression,
                $"the layer is {(head.StartsWith(Xz) ? "xz" : "bzip2")}-compressed; OCI layers are gzip, zstd or uncompressed tar");
        return (replay, "tar");
    }
}
