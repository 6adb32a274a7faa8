using System.Text;
using Berth.Core;
using Berth.Core.Manifests;
using Berth.Metadata.Sqlite;
using Microsoft.Data.Sqlite;

namespace Berth.Metadata.Tests.Sqlite;

/// <summary>A migrated SQLite file in its own temp directory, with the metadata store over it and ways to look at its rows.</summary>
internal sealed class MetadataDatabase : IAsyncDisposable
{
    private MetadataDatabase(string directory)
    {
        Directory = directory;
        Database = new SqliteDatabase(Path.Combine(directory, "berth.db"));
        Metadata = new SqliteRegistryMetadata(Database);
        Users = new SqliteUserStore(Database);
        Projects = new SqliteProjectStore(Database);
        Robots = new SqliteRobotStore(Database);
        AuditLog = new SqliteAuditLog(Database);
        CveAllowlists = new SqliteCveAllowlistStore(Database);
    }

    public string Directory { get; }

    public SqliteDatabase Database { get; }

    public SqliteRegistryMetadata Metadata { get; }

    public SqliteUserStore Users { get; }

    public SqliteProjectStore Projects { get; }

    public SqliteRobotStore Robots { get; }

    public SqliteAuditLog AuditLog { get; }

    public SqliteCveAllowlistStore CveAllowlists { get; }

    public static async Task<MetadataDatabase> CreateAsync()
    {
        var database = CreateUnmigrated();
        await database.Database.MigrateAsync(default);
        return database;
    }

    /// <summary>An empty file not yet migrated, for building an older schema by hand before <see cref="SqliteDatabase.MigrateAsync"/>.</summary>
    public static MetadataDatabase CreateUnmigrated() =>
        new(System.IO.Directory.CreateTempSubdirectory("berth-metadata-tests-").FullName);

    /// <summary>Runs raw SQL on the file, outside the stores.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await Database.OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Links a blob holding <paramref name="content"/> into the repository; returns its descriptor.</summary>
    public async Task<Descriptor> LinkBlobAsync(string repository, string content, string mediaType = TestManifests.LayerType)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var descriptor = new Descriptor(mediaType, Digest.Compute(bytes), bytes.Length);
        await Metadata.LinkBlobAsync(repository, descriptor.Digest, descriptor.Size, default);
        return descriptor;
    }

    /// <summary>Links a config and a layer unique to <paramref name="name"/> and pushes the image that uses them.</summary>
    public async Task<ManifestUpload> PushImageAsync(
        string repository, string? tag, string name, string? artifactType = null, Descriptor? subject = null, string? note = null)
    {
        var config = await LinkBlobAsync(repository, $"{{\"name\":\"{name}\"}}", TestManifests.ConfigType);
        var layer = await LinkBlobAsync(repository, $"layer of {name}");
        var upload = TestManifests.Image(repository, tag, config, [layer], artifactType, subject, note);
        var stored = await Metadata.PutManifestAsync(upload, default);
        Assert.True(stored.Succeeded, stored.Error?.Message);
        return upload;
    }

    /// <summary>The row count of every table in the file, by table name.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountRowsAsync()
    {
        await using var connection = await Database.OpenAsync(default);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables) counts[table] = await ScalarAsync<long>(connection, $"SELECT COUNT(*) FROM \"{table}\";");
        return counts;
    }

    public async Task<long> CountAsync(string table) => (await CountRowsAsync())[table];

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await Database.OpenAsync(default);
        return await ScalarAsync<T>(connection, sql);
    }

    private static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await using (var connection = await Database.OpenAsync(default)) SqliteConnection.ClearPool(connection);
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
