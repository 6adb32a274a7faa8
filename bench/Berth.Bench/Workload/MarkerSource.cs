using System.Security.Cryptography;

namespace Berth.Bench.Workload;

/// <summary>
/// Hands out 8-byte markers that make every pushed blob unique, so a registry stores real data instead
/// of answering "already exists". The high half is random per process, so repeated runs against the
/// same registry do not collide either.
/// </summary>
public sealed class MarkerSource
{
    private readonly ulong salt = (ulong)RandomNumberGenerator.GetInt32(int.MaxValue) << 32;
    private long counter;

    /// <summary>Short text naming this process's run, used in repository names.</summary>
    public string RunTag => (salt >> 32).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

    public ulong Next() => salt | (uint)Interlocked.Increment(ref counter);
}
