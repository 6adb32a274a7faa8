using Berth.Core;

namespace Berth.Storage.FileSystem;

/// <summary>Blobs as files under <see cref="BlobPaths"/>; written only by <see cref="FileSystemUploadStore"/>.</summary>
public sealed class FileSystemBlobStore(BlobPaths paths) : IBlobStore
{
    public ValueTask<long?> GetSizeAsync(Digest digest, CancellationToken cancellationToken)
    {
        var info = new FileInfo(paths.Blob(digest));
        return ValueTask.FromResult<long?>(info.Exists ? info.Length : null);
    }

    public ValueTask<Stream?> OpenReadAsync(Digest digest, CancellationToken cancellationToken)
    {
        try
        {
            // No FileStream buffer: callers copy in 1 MiB blocks, so a second buffer would only add a copy.
            Stream stream = new FileStream(paths.Blob(digest), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
                bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return ValueTask.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return ValueTask.FromResult<Stream?>(null);
        }
    }

    public ValueTask<bool> DeleteAsync(Digest digest, CancellationToken cancellationToken)
    {
        var path = paths.Blob(digest);
        if (!File.Exists(path)) return ValueTask.FromResult(false);
        File.Delete(path);
        return ValueTask.FromResult(true);
    }

    /// <summary>
    /// Moves a verified, fsynced file into place. If the blob is already there (another client pushed the
    /// same content first) the new copy is dropped: content addressing makes the two identical.
    /// </summary>
    internal void Commit(string verifiedFile, Digest digest)
    {
        var target = paths.Blob(digest);
        if (File.Exists(target))
        {
            File.Delete(verifiedFile);
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(verifiedFile, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            File.Delete(verifiedFile);
        }
    }
}
