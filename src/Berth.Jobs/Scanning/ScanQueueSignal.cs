namespace Berth.Jobs.Scanning;

/// <summary>
/// Wakes idle scan workers when a request is queued in this process. The queue itself is the database; the signal
/// only saves waiting for the next poll (which still finds requests another process queued).
/// </summary>
public sealed class ScanQueueSignal
{
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);

    public void Notify(int queued)
    {
        if (queued > 0) _signal.Release(Math.Min(queued, 64));
    }

    /// <summary>Returns when notified or after <paramref name="timeout"/>.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
