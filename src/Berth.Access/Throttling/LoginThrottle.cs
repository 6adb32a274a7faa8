using System.Collections.Concurrent;

namespace Berth.Access.Throttling;

/// <summary>
/// Slows down password guessing: after <see cref="MaxFailures"/> failed logins from one client within
/// <see cref="Window"/>, further attempts from it are refused until the window has passed. Keyed by
/// client address, so the answer never depends on whether the user exists.
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    public int MaxFailures { get; init; } = 10;

    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Failures> _failures = new();

    /// <summary>Whether the client must wait before trying again.</summary>
    public bool IsLockedOut(string client)
    {
        if (!_failures.TryGetValue(client, out var failures)) return false;
        lock (failures)
        {
            if (time.GetUtcNow() - failures.FirstAt > Window)
            {
                // Only this expired entry: a fresh one recorded meanwhile must stay.
                _failures.TryRemove(new KeyValuePair<string, Failures>(client, failures));
                return false;
            }
            return failures.Count >= MaxFailures;
        }
    }

    public void RecordFailure(string client)
    {
        var failures = _failures.GetOrAdd(client, _ => new Failures(time.GetUtcNow()));
        lock (failures)
        {
            if (time.GetUtcNow() - failures.FirstAt > Window)
            {
                failures.FirstAt = time.GetUtcNow();
                failures.Count = 0;
            }
            failures.Count++;
        }
    }

    public void RecordSuccess(string client) => _failures.TryRemove(client, out _);

    private sealed class Failures(DateTimeOffset firstAt)
    {
        public DateTimeOffset FirstAt { get; set; } = firstAt;
        public int Count { get; set; }
    }
}
