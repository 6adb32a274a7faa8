using System.Buffers;
using System.Globalization;
using Berth.Core;
using Berth.Core.Errors;
using Berth.Storage.Uploads;
using Microsoft.Win32.SafeHandles;

namespace Berth.Storage.FileSystem;

/// <summary>
/// Upload sessions as directories holding a <c>data</c> file and an <c>info</c> file (repository and start
/// time). The data file's length is the session's offset, so a session survives a restart as it is.
/// </summary>
public sealed class FileSystemUploadStore(BlobPaths paths, FileSystemBlobStore blobs, UploadHashes hashes) : IUploadStore
{
    /// <summary>Large blocks keep syscalls and hashing calls few; see the Kestrel notes in the design.</summary>
    private const int BlockSize = 1 << 20;

    public Task<UploadSession> StartAsync(string repository, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("D");
        Directory.CreateDirectory(paths.UploadDirectory(id));
        var startedAt = DateTimeOffset.UtcNow;
        File.WriteAllText(paths.UploadInfo(id), $"{repository}\n{startedAt.ToString("O", CultureInfo.InvariantCulture)}\n");
        File.Create(paths.UploadData(id)).Dispose();
        return Task.FromResult(new UploadSession(id, repository, startedAt, 0));
    }

    public Task<UploadSession?> FindAsync(string id, CancellationToken cancellationToken)
    {
        // The id becomes a path: only our own GUID form may pass.
        if (!Guid.TryParseExact(id, "D", out _)) return Task.FromResult<UploadSession?>(null);
        var info = paths.UploadInfo(id);
        var data = new FileInfo(paths.UploadData(id));
        if (!File.Exists(info) || !data.Exists) return Task.FromResult<UploadSession?>(null);
        var lines = File.ReadAllLines(info);
        if (lines.Length < 2 || !DateTimeOffset.TryParse(lines[1], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var startedAt))
            return Task.FromResult<UploadSession?>(null);
        return Task.FromResult<UploadSession?>(new UploadSession(id, lines[0], startedAt, data.Length));
    }

    public async Task<Outcome<long>> AppendAsync(UploadSession session, Stream body, UploadChunk chunk, CancellationToken cancellationToken)
    {
        var state = hashes.For(session.Id);
        await state.Lock.WaitAsync(cancellationToken);
        try
        {
            using var file = OpenSession(session.Id);
            if (file is null) return Gone(session.Id);
            var size = RandomAccess.GetLength(file);
            if (chunk.Start is { } start && start != size)
            {
                // The spec answers an out-of-order chunk with 416; its closed list of codes names this
                // BLOB_UPLOAD_INVALID. The session is untouched, so the client can resume from its Range.
                return OciErrorCode.BlobUploadInvalid.With(
                    $"chunk starts at byte {start} but the upload holds {size} bytes; send chunks in order", 416, new { size });
            }
            await EnsureHasherAsync(state, file, size, Digest.Sha256, cancellationToken);

            var written = await CopyAsync(body, file, paths.UploadData(session.Id), size, state, chunk.Length, cancellationToken);
            if (!written.Succeeded)
            {
                // Roll the session back to the state before this request: the file and the hash.
                RandomAccess.SetLength(file, size);
                state.Reset();
                return written.Error!;
            }
            return size + written.Value;
        }
        finally
        {
            state.Lock.Release();
        }
    }

    public async Task<Outcome<long>> CommitAsync(UploadSession session, Digest expected, CancellationToken cancellationToken)
    {
        var state = hashes.For(session.Id);
        await state.Lock.WaitAsync(cancellationToken);
        try
        {
            var dataPath = paths.UploadData(session.Id);
            long size;
            using (var file = OpenSession(session.Id))
            {
                if (file is null) return Gone(session.Id);
                size = RandomAccess.GetLength(file);
                await EnsureHasherAsync(state, file, size, expected.Algorithm, cancellationToken);
                var actual = Digest.FromHash(state.Algorithm, state.Hasher!.GetCurrentHash());
                if (actual != expected)
                {
                    Discard(session.Id);
                    return OciErrorCode.DigestInvalid.With(
                        $"uploaded content has digest {actual}, not the {expected} the client gave; the upload was discarded",
                        detail: new { expected = expected.ToString(), actual = actual.ToString() });
                }
                RandomAccess.FlushToDisk(file);
            }
            blobs.Commit(dataPath, expected);
            Discard(session.Id);
            return size;
        }
        finally
        {
            state.Lock.Release();
        }
    }

    public Task CancelAsync(UploadSession session, CancellationToken cancellationToken)
    {
        Discard(session.Id);
        return Task.CompletedTask;
    }

    public Task<int> RemoveExpiredAsync(TimeSpan maxIdle, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(paths.UploadsRoot)) return Task.FromResult(0);
        var cutoff = DateTime.UtcNow - maxIdle;
        var removed = 0;
        foreach (var directory in Directory.EnumerateDirectories(paths.UploadsRoot))
        {
            var id = Path.GetFileName(directory);
            var lastActivity = LastActivity(id, directory);
            if (lastActivity >= cutoff) continue;
            Discard(id);
            removed++;
        }
        return Task.FromResult(removed);
    }

    /// <summary>
    /// The session's data file, or null when the session ended (committed, cancelled or expired) while
    /// this request waited for its lock.
    /// </summary>
    private SafeFileHandle? OpenSession(string id)
    {
        try
        {
            return File.OpenHandle(paths.UploadData(id), FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private OciError Gone(string id)
    {
        hashes.Forget(id);
        return OciErrorCode.BlobUploadUnknown.With($"upload session '{id}' ended while this request waited for it");
    }

    private DateTime LastActivity(string id, string directory)
    {
        var data = new FileInfo(paths.UploadData(id));
        var info = new FileInfo(paths.UploadInfo(id));
        var times = new[] { Directory.GetLastWriteTimeUtc(directory), data.Exists ? data.LastWriteTimeUtc : DateTime.MinValue, info.Exists ? info.LastWriteTimeUtc : DateTime.MinValue };
        return times.Max();
    }

    private void Discard(string id)
    {
        hashes.Forget(id);
        var directory = paths.UploadDirectory(id);
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }

    /// <summary>
    /// Makes <paramref name="state"/> hold the hash of the file's first <paramref name="size"/> bytes in
    /// <paramref name="algorithm"/>. Normally it already does; after a restart, a failed chunk, or a
    /// sha512 digest for data hashed as sha256, the file is hashed once more.
    /// </summary>
    private static async Task EnsureHasherAsync(UploadHashState state, SafeFileHandle file, long size, string algorithm, CancellationToken cancellationToken)
    {
        if (state.Hasher is not null && state.Offset == size && state.Algorithm == algorithm) return;
        state.Start(algorithm, Digest.CreateHasher(algorithm));
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            long offset = 0;
            while (offset < size)
            {
                var read = await RandomAccess.ReadAsync(file, buffer.AsMemory(0, (int)Math.Min(BlockSize, size - offset)), offset, cancellationToken);
                if (read == 0) break;
                state.Hasher!.AppendData(buffer, 0, read);
                offset += read;
            }
            state.Offset = offset;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Copies the body into the file at <paramref name="offset"/>, hashing each block on the way. The next
    /// block is received while the current one is hashed and written, so network, CPU and disk overlap.
    /// </summary>
    private static async Task<Outcome<long>> CopyAsync(
        Stream body, SafeFileHandle file, string path, long offset, UploadHashState state, long? expectedLength, CancellationToken cancellationToken)
    {
        // Aligned blocks, so that UploadFileWriter can hand them to the disk directly.
        var current = AlignedBlock.Rent(BlockSize);
        var ahead = AlignedBlock.Rent(BlockSize);
        using var writer = new UploadFileWriter(file, path);
        Task<int>? receiving = null;
        long total = 0;
        try
        {
            receiving = ReceiveAsync(body, current.Memory, cancellationToken);
            while (true)
            {
                int read;
                try
                {
                    read = await receiving;
                }
                catch (Exception e) when (e is IOException or OperationCanceledException)
                {
                    return OciErrorCode.SizeInvalid.With($"the request body broke off after {total} bytes: {e.Message}");
                }
                finally
                {
                    receiving = null;
                }
                if (read == 0) break;
                if (expectedLength is { } limit && total + read > limit)
                    return OciErrorCode.SizeInvalid.With($"the request body is longer than the {limit} bytes its headers announced");

                receiving = ReceiveAsync(body, ahead.Memory, cancellationToken);
                var block = current.Memory[..read];
                state.Hasher!.AppendData(block.Span);
                await writer.WriteAsync(block, offset + total, cancellationToken);
                total += read;
                state.Offset += read;
                (current, ahead) = (ahead, current);
            }
            if (expectedLength is { } expected && total != expected)
                return OciErrorCode.SizeInvalid.With($"the request body has {total} bytes but its headers announced {expected}");
            return total;
        }
        finally
        {
            // A receive still filling a buffer must end before the buffer goes back to the pool.
            if (receiving is not null)
            {
                try
                {
                    await receiving;
                }
                catch (Exception e) when (e is IOException or OperationCanceledException)
                {
                    // The request is already being refused; how its body ended no longer matters.
                }
            }
            await writer.DrainAsync();
            AlignedBlock.Return(current);
            AlignedBlock.Return(ahead);
        }
    }

    /// <summary>Fills the whole block unless the body ends first, so only a body's last block is short.</summary>
    private static async Task<int> ReceiveAsync(Stream body, Memory<byte> block, CancellationToken cancellationToken) =>
        await body.ReadAtLeastAsync(block, block.Length, throwOnEndOfStream: false, cancellationToken);
}
