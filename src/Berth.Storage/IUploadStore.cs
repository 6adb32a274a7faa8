using Berth.Core;
using Berth.Core.Errors;
using Berth.Storage.Uploads;

namespace Berth.Storage;

/// <summary>
/// Upload sessions: data is hashed as it arrives and only becomes a blob when <see cref="CommitAsync"/>
/// verifies the digest. Sessions survive a restart of the process.
/// </summary>
public interface IUploadStore
{
    Task<UploadSession> StartAsync(string repository, CancellationToken cancellationToken);

    /// <summary>The session, or null when the id is unknown, malformed or expired.</summary>
    Task<UploadSession?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Appends a request body to the session. <paramref name="chunk"/> says where the client thinks the
    /// chunk starts and how long it is; a body that breaks off or disagrees leaves the session as it was.
    /// </summary>
    Task<Outcome<long>> AppendAsync(UploadSession session, Stream body, UploadChunk chunk, CancellationToken cancellationToken);

    /// <summary>
    /// Verifies the session's content against <paramref name="expected"/> and moves it into the blob store.
    /// On a mismatch the session is discarded and DIGEST_INVALID returned. Returns the blob size.
    /// </summary>
    Task<Outcome<long>> CommitAsync(UploadSession session, Digest expected, CancellationToken cancellationToken);

    Task CancelAsync(UploadSession session, CancellationToken cancellationToken);

    /// <summary>Removes sessions idle for longer than <paramref name="maxIdle"/>; returns how many.</summary>
    Task<int> RemoveExpiredAsync(TimeSpan maxIdle, CancellationToken cancellationToken);
}
