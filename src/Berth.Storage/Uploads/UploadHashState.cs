using System.Security.Cryptography;

namespace Berth.Storage.Uploads;

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
