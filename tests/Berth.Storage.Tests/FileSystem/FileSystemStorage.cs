using Berth.Core;
using Berth.Storage.FileSystem;
using Berth.Storage.Uploads;

namespace Berth.Storage.Tests.FileSystem;

/// <summary>
/// The filesystem drivers wired as the server wires them, on one directory. <see cref="Restarted"/> gives
/// fresh instances (and fresh in-memory hash states) on the same directory, as after a process restart.
/// </summary>
internal sealed class FileSystemStorage
{
    public FileSystemStorage(string root)
    {
        Paths = new BlobPaths(root);
        Blobs = new FileSystemBlobStore(Paths);
        Uploads = new FileSystemUploadStore(Paths, Blobs, new UploadHashes());
    }

    public BlobPaths Paths { get; }

    public FileSystemBlobStore Blobs { get; }

    public FileSystemUploadStore Uploads { get; }

    public FileSystemStorage Restarted() => new(Paths.Root);

    /// <summary>Uploads <paramref name="content"/> in one chunk and commits it under its sha256 digest.</summary>
    public async Task<Digest> PutBlobAsync(byte[] content)
    {
        var digest = Digest.Compute(content);
        var session = await Uploads.StartAsync("test/repo", default);
        Assert.True((await Uploads.AppendAsync(session, new MemoryStream(content), UploadChunk.Streamed, default)).Succeeded);
        Assert.True((await Uploads.CommitAsync(session, digest, default)).Succeeded);
        return digest;
    }

    /// <summary>Every committed blob file, wherever it is (upload sessions excluded).</summary>
    public IReadOnlyList<string> BlobFiles() => Directory.Exists(Paths.Root)
        ? Directory.EnumerateFiles(Paths.Root, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(Paths.UploadsRoot + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToList()
        : [];

    public static byte[] Content(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
