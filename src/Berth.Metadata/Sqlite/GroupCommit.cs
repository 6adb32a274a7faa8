using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Berth.Metadata.Sqlite;

/// <summary>
/// The single writer of the database. Writes that arrive while a commit is being made durable wait and
/// then share one transaction, so N concurrent pushes cost one WAL fsync instead of N (group commit).
/// Each write runs inside its own savepoint: one that fails or declines to commit is rolled back alone,
/// and the others in the batch still commit.
/// </summary>
internal sealed class GroupCommit
{
    // Bounds how long the first write of a batch can wait behind the others.
    private const int MaxBatch = 64;

    private readonly Func<CancellationToken, Task<SqliteConnection>> _open;
    private readonly Channel<PendingWrite> _queue =
        Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });

    public GroupCommit(Func<CancellationToken, Task<SqliteConnection>> open)
    {
        _open = open;
        _ = Task.Run(WriteLoopAsync);
    }

    public Task<T> EnqueueAsync<T>(Func<SqliteTransaction, Task<T>> work, Func<T, bool> keep, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingWrite<T>(work, keep, cancellationToken);
        if (!_queue.Writer.TryWrite(pending)) throw new InvalidOperationException("The database writer has stopped.");
        return pending.Task;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending)) batch.Add(pending);

            if (batch.Count > 0) await CommitBatchAsync(batch);
        }
    }

    private async Task CommitBatchAsync(List<PendingWrite> batch)
    {
        var applied = new List<PendingWrite>(batch.Count);
        try
        {
            await using var connection = await _open(CancellationToken.None);
            await using var transaction = connection.BeginTransaction();
            foreach (var pending in batch)
            {
                // A caller that gave up while queued gets nothing done on its behalf.
                if (pending.CancellationToken.IsCancellationRequested) pending.Cancel();
                else if (await RunInSavepointAsync(transaction, pending)) applied.Add(pending);
            }

            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The shared transaction could not be made durable: nobody's work survived. Writes that
            // already failed alone keep their own error (completion is first-wins).
            foreach (var pending in batch) pending.Fail(exception);
            return;
        }

        foreach (var pending in applied) pending.Complete();
    }

    /// <summary>Returns true when the write ran to its end (kept or declined); false when it failed alone.</summary>
    private static async Task<bool> RunInSavepointAsync(SqliteTransaction transaction, PendingWrite pending)
    {
        const string savepoint = "write";
        transaction.Save(savepoint);
        try
        {
            if (!await pending.RunAsync(transaction)) transaction.Rollback(savepoint);
            transaction.Release(savepoint);
            return true;
        }
        catch (Exception exception)
        {
            // Undo only this write; if even that fails the transaction is broken and the batch fails.
            transaction.Rollback(savepoint);
            transaction.Release(savepoint);
            pending.Fail(exception);
            return false;
        }
    }
}
