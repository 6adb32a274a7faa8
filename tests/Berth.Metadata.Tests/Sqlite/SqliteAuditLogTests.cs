using Berth.Metadata.Access;

namespace Berth.Metadata.Tests.Sqlite;

public sealed class SqliteAuditLogTests : IAsyncLifetime
{
    private MetadataDatabase _db = null!;

    public async Task InitializeAsync() => _db = await MetadataDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private IAuditLog Log => _db.AuditLog;

    [Fact]
    public async Task AppendAsync_StoresTheEntryAsGiven()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await Log.AppendAsync(7, "alice", "library/app:v1", "artifact", "create", default);

        var (entries, total) = await Log.ListAsync(null, 0, 10, default);
        var entry = Assert.Single(entries);
        Assert.Equal(1, total);
        Assert.True(entry.Id > 0);
        Assert.Equal((7L, "alice", "library/app:v1", "artifact", "create"),
            (entry.ProjectId!.Value, entry.Username, entry.Resource, entry.ResourceType, entry.Operation));
        Assert.InRange(entry.OpTime, before, DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task ListAsync_All_IsNewestFirstIncludingEntriesWithoutProject()
    {
        await Log.AppendAsync(1, "alice", "library", "project", "create", default);
        await Log.AppendAsync(null, "admin", "bob", "user", "create", default);
        await Log.AppendAsync(2, "bob", "other/app:v1", "artifact", "pull", default);
        await Log.AppendAsync(1, "alice", "library/app:v1", "artifact", "delete", default);

        var (entries, total) = await Log.ListAsync(null, 0, 10, default);

        Assert.Equal(4, total);
        Assert.Equal(["library/app:v1", "other/app:v1", "bob", "library"], entries.Select(e => e.Resource));
        Assert.Equal([1L, 2L, null, 1L], entries.Select(e => e.ProjectId));
        Assert.True(entries.Zip(entries.Skip(1)).All(pair => pair.First.Id > pair.Second.Id && pair.First.OpTime >= pair.Second.OpTime));
    }

    [Fact]
    public async Task ListAsync_OfOneProject_HasOnlyItsEntriesAndItsTotal()
    {
        await Log.AppendAsync(1, "alice", "library", "project", "create", default);
        await Log.AppendAsync(2, "bob", "other", "project", "create", default);
        await Log.AppendAsync(null, "admin", "bob", "user", "create", default);
        await Log.AppendAsync(1, "alice", "library/app:v1", "artifact", "create", default);
        await Log.AppendAsync(2, "bob", "other/app:v1", "artifact", "pull", default);

        var (library, libraryTotal) = await Log.ListAsync(1, 0, 10, default);
        var (other, otherTotal) = await Log.ListAsync(2, 0, 10, default);
        var (none, noneTotal) = await Log.ListAsync(3, 0, 10, default);

        Assert.Equal(["library/app:v1", "library"], library.Select(e => e.Resource));
        Assert.Equal(2, libraryTotal);
        Assert.Equal(["other/app:v1", "other"], other.Select(e => e.Resource));
        Assert.Equal(2, otherTotal);
        Assert.Empty(none);
        Assert.Equal(0, noneTotal);
    }

    [Fact]
    public async Task ListAsync_Pages_KeepTheTotalOfEveryMatch()
    {
        for (var i = 1; i <= 5; i++) await Log.AppendAsync(1, "alice", $"library/app:v{i}", "artifact", "create", default);
        await Log.AppendAsync(2, "bob", "other/app:v1", "artifact", "create", default);

        var (first, firstTotal) = await Log.ListAsync(1, 0, 2, default);
        var (second, secondTotal) = await Log.ListAsync(1, 2, 2, default);
        var (last, lastTotal) = await Log.ListAsync(1, 4, 2, default);
        var (beyond, beyondTotal) = await Log.ListAsync(1, 6, 2, default);
        var (all, allTotal) = await Log.ListAsync(null, 1, 3, default);

        Assert.Equal(["library/app:v5", "library/app:v4"], first.Select(e => e.Resource));
        Assert.Equal(["library/app:v3", "library/app:v2"], second.Select(e => e.Resource));
        Assert.Equal(["library/app:v1"], last.Select(e => e.Resource));
        Assert.Empty(beyond);
        Assert.Equal([5, 5, 5, 5], new[] { firstTotal, secondTotal, lastTotal, beyondTotal });
        Assert.Equal(["library/app:v5", "library/app:v4", "library/app:v3"], all.Select(e => e.Resource));
        Assert.Equal(6, allTotal);
    }

    [Fact]
    public async Task ListAsync_Empty_IsEmptyWithZeroTotal()
    {
        var (entries, total) = await Log.ListAsync(null, 0, 10, default);

        Assert.Empty(entries);
        Assert.Equal(0, total);
    }
}
