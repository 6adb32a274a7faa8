using System.Collections.Concurrent;

namespace Berth.Policy;

/// <summary>
/// Remembers what a check read from the database (a report row, an allowlist) for as long as the
/// <see cref="PolicyRevision"/> has not moved, and at most <see cref="MaxAge"/>: every change made through this
/// process advances the revision and is seen by the next pull; a change written by another process (a CLI on
/// the same database) within <see cref="MaxAge"/>. Manifest GETs of a project with a policy then cost no more
/// queries than those of a project without one.
/// </summary>
public sealed class PolicyInputMemo<TKey, TValue>(PolicyRevision revision, TimeProvider clock) where TKey : notnull
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private const int Capacity = 4096;
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();

    public async ValueTask<TValue> GetAsync(TKey key, Func<TKey, CancellationToken, Task<TValue>> read, CancellationToken cancellationToken)
    {
        // The revision is taken before reading, so a change that lands during the read is never remembered as current.
        var current = revision.Current;
        var now = clock.GetTimestamp();
        if (_entries.TryGetValue(key, out var known) && known.Revision == current && clock.GetElapsedTime(known.ReadAt, now) < MaxAge)
            return known.Value;
        var value = await read(key, cancellationToken);
        if (_entries.Count >= Capacity) _entries.Clear();
        _entries[key] = new Entry(current, now, value);
        return value;
    }

    private sealed record Entry(long Revision, long ReadAt, TValue Value);
}
