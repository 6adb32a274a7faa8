using Berth.Metadata.Sqlite;
using Microsoft.Data.Sqlite;

namespace Berth.Metadata.Tests.Sqlite;

/// <summary>
/// Writes queued behind a running one share the next transaction; each keeps or loses its own changes
/// as if it had been alone.
/// </summary>
public sealed class GroupCommitTests : IAsyncLifetime
{
    private MetadataDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await MetadataDatabase.CreateAsync();
        await _db.ExecuteAsync("CREATE TABLE note (text TEXT NOT NULL);");
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task QueuedWrites_OneFailsAndOneDeclines_TheOthersAreKept()
    {
        var gate = new TaskCompletionSource();
        var blocker = _db.Database.WriteAsync(async transaction =>
        {
            await InsertAsync(transaction, "blocker");
            await gate.Task;
            return true;
        }, default);

        // These queue while the blocker holds the writer, so they run together in the next batch.
        var kept = _db.Database.WriteAsync(transaction => InsertAsync(transaction, "kept"), default);
        var failed = _db.Database.WriteAsync<bool>(async transaction =>
        {
            await InsertAsync(transaction, "failed");
            throw new InvalidOperationException("this write breaks");
        }, default);
        var declined = _db.Database.WriteAsync(transaction => InsertAsync(transaction, "declined"), _ => false, default);
        var alsoKept = _db.Database.WriteAsync(transaction => InsertAsync(transaction, "also kept"), default);
        gate.SetResult();

        Assert.True(await blocker);
        Assert.True(await kept);
        Assert.Equal("this write breaks", (await Assert.ThrowsAsync<InvalidOperationException>(() => failed)).Message);
        Assert.True(await declined);
        Assert.True(await alsoKept);
        Assert.Equal("also kept,blocker,kept", await _db.ScalarAsync<string>("SELECT group_concat(text) FROM (SELECT text FROM note ORDER BY text);"));
    }

    [Fact]
    public async Task ManyConcurrentWrites_AllAreVisibleOnceTheirTasksComplete()
    {
        var writes = Enumerable.Range(0, 200)
            .Select(i => Task.Run(() => _db.Database.WriteAsync(transaction => InsertAsync(transaction, $"n{i}"), default)))
            .ToArray();

        await Task.WhenAll(writes);

        Assert.Equal(200, await _db.ScalarAsync<long>("SELECT count(*) FROM note;"));
    }

    [Fact]
    public async Task CancelledBeforeItRuns_ChangesNothing()
    {
        var gate = new TaskCompletionSource();
        var blocker = _db.Database.WriteAsync(async _ => { await gate.Task; return true; }, default);
        using var cancel = new CancellationTokenSource();
        var cancelled = _db.Database.WriteAsync(transaction => InsertAsync(transaction, "cancelled"), cancel.Token);

        await cancel.CancelAsync();
        gate.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.True(await blocker);
        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT count(*) FROM note;"));
    }

    private static async Task<bool> InsertAsync(SqliteTransaction transaction, string text)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO note (text) VALUES ($text);";
        command.Parameters.AddWithValue("$text", text);
        return await command.ExecuteNonQueryAsync() == 1;
    }
}
