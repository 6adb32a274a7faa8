using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace Berth.Bench.Workload;

/// <summary>
/// A prepared random file holding all of a blob but its last 8 bytes. Each push appends a fresh marker
/// as those bytes; because the SHA-256 state after the file is kept, minting a unique blob's digest
/// costs one 8-byte hash step instead of re-reading 100 MiB on cores the registry needs.
/// </summary>
public sealed class BlobTemplate : IDisposable
{
    public const int MarkerLength = sizeof(ulong);

    private readonly IncrementalHash prefixHash;
    private readonly Lock hashGate = new();

    public BlobTemplate(BlobSize size, string path, IncrementalHash prefixHash)
    {
        Size = size;
        Path = path;
        this.prefixHash = prefixHash;
        // Positional reads on one shared handle are safe from many streams at once.
        Handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
    }

    public BlobSize Size { get; }

    public string Path { get; }

    public SafeFileHandle Handle { get; }

    public long PrefixLength => Size.Bytes - MarkerLength;

    public UniqueBlob Mint(ulong marker)
    {
        var markerBytes = new byte[MarkerLength];
        BinaryPrimitives.WriteUInt64BigEndian(markerBytes, marker);

        IncrementalHash hash;
        lock (hashGate)
        {
            hash = prefixHash.Clone();
        }

        using (hash)
        {
            hash.AppendData(markerBytes);
            return new UniqueBlob(this, markerBytes, ContentDigest.Format(hash.GetHashAndReset()));
        }
    }

    public void Dispose()
    {
        Handle.Dispose();
        prefixHash.Dispose();
    }
}
