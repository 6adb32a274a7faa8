using System.Collections.Concurrent;

namespace Berth.Storage.Uploads;

/// <summary>
/// The running hash of each live upload session, so data is hashed once as it arrives. .NET cannot
/// export a hash state, so after a restart (or a failed chunk) the state is rebuilt by hashing the
/// session file once; <see cref="UploadHashState.Offset"/> tells whether a state still matches the file.
/// </summary>
public sealed class UploadHashes
{
    private readonly ConcurrentDictionary<string, UploadHashState> _states = new();

    /// <summary>The session's state; the caller holds <see cref="UploadHashState.Lock"/> while using it.</summary>
    public UploadHashState For(string sessionId) => _states.GetOrAdd(sessionId, static _ => new UploadHashState());

    public void Forget(string sessionId)
    {
        if (_states.TryRemove(sessionId, out var state)) state.Reset();
    }
}
