using Microsoft.Data.Sqlite;

namespace Berth.Metadata.Sqlite;

/// <summary>
/// One caller's unit of work waiting for the next group commit. Its result is handed back only after the
/// shared transaction is durable, so a caller never sees a success that a crash could still undo.
/// </summary>
internal abstract class PendingWrite
{
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>Runs the work inside the batch transaction; returns whether its changes should be kept.</summary>
    public abstract Task<bool> RunAsync(SqliteTransaction transaction);

    public abstract void Complete();

    public abstract void Fail(Exception exception);

    public abstract void Cancel();
}

internal sealed class PendingWrite<T>(
    Func<SqliteTransaction, Task<T>> work,
    Func<T, bool> keep,
    CancellationToken cancellationToken) : PendingWrite
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public Task<T> Task => _completion.Task;

    public override CancellationToken CancellationToken => cancellationToken;

    public override async Task<bool> RunAsync(SqliteTransaction transaction)
    {
        _result = await work(transaction);
        return keep(_result);
    }

    public override void Complete() => _completion.TrySetResult(_result!);

    public override void Fail(Exception exception) => _completion.TrySetException(exception);

    public override void Cancel() => _completion.TrySetCanceled(cancellationToken);
}
