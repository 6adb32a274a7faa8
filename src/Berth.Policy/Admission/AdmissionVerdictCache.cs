using System.Collections.Concurrent;
using Berth.Core;

namespace Berth.Policy.Admission;

/// <summary>
/// Policy verdicts by (repository, digest), each kept for the <see cref="PolicyRevision"/> it was computed at and
/// until its <see cref="PolicyVerdict.ValidUntil"/>: any policy input change or the time limit makes it a miss.
/// Bounded: when full it starts over, which costs a few recomputations and never a stale answer.
/// </summary>
public sealed class AdmissionVerdictCache(TimeProvider time, int capacity)
{
    private readonly ConcurrentDictionary<(string Repository, Digest Digest), Entry> _entries = new();

    public int Count => _entries.Count;

    public PolicyVerdict? Find(string repository, Digest digest, long revision)
    {
        if (!_entries.TryGetValue((repository, digest), out var entry)) return null;
        if (entry.Revision != revision || entry.Verdict.ValidUntil is { } until && time.GetUtcNow() >= until) return null;
        return entry.Verdict;
    }

    public void Store(string repository, Digest digest, long revision, PolicyVerdict verdict)
    {
        if (capacity <= 0) return;
        if (_entries.Count >= capacity) _entries.Clear();
        _entries[(repository, digest)] = new Entry(revision, verdict);
    }

    private sealed record Entry(long Revision, PolicyVerdict Verdict);
}
