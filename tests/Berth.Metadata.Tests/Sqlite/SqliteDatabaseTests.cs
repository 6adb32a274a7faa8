using Berth.Core;
using Berth.Metadata.Sqlite;

namespace Berth.Metadata.Tests.Sqlite;

public sealed class SqliteDatabaseTests : IAsyncLifetime
{
    private MetadataDatabase _db = null!;

    public async Task InitializeAsync() => _db = await MetadataDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task MigrateAsync_NewFile_CreatesEveryTableInWalMode()
    {
        Assert.True(File.Exists(_db.Database.FilePath));
        Assert.Equal("wal", await _db.ScalarAsync<string>("PRAGMA journal_mode;"));
        Assert.True(await _db.ScalarAsync<long>("PRAGMA user_version;") >= 1);
        Assert.Equal(
            ["admission_workload", "admission_workload_image", "advisory", "advisory_source", "artifact", "artifact_blob", "artifact_child", "audit_log", "blob", "cve_allowlist", "immutable_tag_rule", "project", "project_member",
             "project_metadata", "project_scanner", "repository", "repository_blob", "robot", "scan_all_schedule", "scan_report", "scanner_registration", "signature_key", "tag", "user_account"],
            (await _db.CountRowsAsync()).Keys);
    }

    [Fact]
    public async Task MigrateAsync_Twice_ChangesNothing()
    {
        var digest = Digest.Compute("kept"u8);
        await _db.Metadata.LinkBlobAsync("a", digest, 4, default);
        var version = await _db.ScalarAsync<long>("PRAGMA user_version;");
        var schema = await _db.ScalarAsync<string>("SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master ORDER BY name);");

        await _db.Database.MigrateAsync(default);

        Assert.Equal(version, await _db.ScalarAsync<long>("PRAGMA user_version;"));
        Assert.Equal(schema, await _db.ScalarAsync<string>("SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master ORDER BY name);"));
        Assert.Equal(4, await _db.Metadata.FindLinkedBlobAsync("a", digest, default));
    }

    [Fact]
    public async Task MigrateAsync_SecondInstanceOnTheSameFile_KeepsTheData()
    {
        var digest = Digest.Compute("kept"u8);
        await _db.Metadata.LinkBlobAsync("a", digest, 4, default);

        var reopened = new SqliteDatabase(_db.Database.FilePath);
        await reopened.MigrateAsync(default);

        Assert.Equal(4, await new SqliteRegistryMetadata(reopened).FindLinkedBlobAsync("a", digest, default));
    }

    [Fact]
    public async Task MigrateAsync_SchemaNewerThanThisBerth_IsRefused()
    {
        await _db.ScalarAsync<long>("PRAGMA user_version = 999; SELECT 0;");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _db.Database.MigrateAsync(default));

        Assert.Contains("999", error.Message);
        Assert.Contains("upgrade Berth", error.Message);
    }

    [Fact]
    public async Task MigrateAsync_MissingDirectory_CreatesIt()
    {
        var path = Path.Combine(_db.Directory, "nested", "deeper", "berth.db");

        await new SqliteDatabase(path).MigrateAsync(default);

        Assert.True(File.Exists(path));
    }
}
