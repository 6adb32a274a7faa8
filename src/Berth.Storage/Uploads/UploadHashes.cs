using System.Collections.Concurrent;
using System.Security.Cryptography;

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

/// <summary>One session's hasher, the byte count it has seen, and the lock that serializes its requests.</summary>
public sealed class UploadHashState
{
    public SemaphoreSlim Lock { get; } = new(1, 1);

    public IncrementalHash? Hasher { get; private set; }

    public string Algorithm { get; private set; } = "";

    /// <summary>Bytes fed to <see cref="Hasher"/>; valid only while it equals the session file's length.</summary>
    public long Offset { get; set; }

    public void Start(string algorithm, IncrementalHash hasher)
    {
        Hasher?.Dispose();
        Hasher = hasher;
        Algorithm = algorithm;
        Offset = 0;
    }

    public void Reset()
    {
        Hasher?.Dispose();
        Hasher = null;
        Algorithm = "";
        Offset = 0;
    }
}
