using System.Threading.Channels;
using Berth.Metadata.Artifacts;

namespace Berth.Registry.Audit;

/// <summary>
/// /v2 pushes, pulls and deletes waiting to be written to the audit log. Handlers only enqueue, so a pull
/// never waits for the database's write lock; <see cref="ArtifactEventWriter"/> drains the queue in batches.
/// The queue is bounded: when the writer falls that far behind, new pull events are dropped (and counted)
/// rather than growing memory or slowing pulls; pushes and deletes wait for room instead.
/// </summary>
public sealed class ArtifactEventQueue
{
    public const int Capacity = 10_000;

    private readonly Channel<ArtifactEvent> _channel = Channel.CreateBounded<ArtifactEvent>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private long _dropped;

    public ChannelReader<ArtifactEvent> Reader => _channel.Reader;

    /// <summary>Events lost because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues a pull; under overload it is dropped and counted rather than slowing the pull.</summary>
    public void Enqueue(ArtifactEvent entry)
    {
        if (!_channel.Writer.TryWrite(entry)) Interlocked.Increment(ref _dropped);
    }

    /// <summary>Queues a change (push, delete), waiting for room: changes are never dropped from the audit log.</summary>
    public ValueTask EnqueueChangeAsync(ArtifactEvent entry, CancellationToken cancellationToken) =>
        _channel.Writer.WriteAsync(entry, cancellationToken);
}
