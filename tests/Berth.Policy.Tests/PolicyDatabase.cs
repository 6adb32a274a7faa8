using Berth.Metadata.Access;
using Berth.Metadata.Sqlite;
using Microsoft.Data.Sqlite;

namespace Berth.Policy.Tests;

/// <summary>A migrated SQLite metadata file in its own temp directory, with the stores policies read.</summary>
internal sealed class PolicyDatabase : IAsyncDisposable
{
    private PolicyDatabase(string directory)
    {
        Directory = directory;
        Database = new SqliteDatabase(Path.Combine(directory, "berth.db"));
        Metadata = new SqliteRegistryMetadata(Database);
        Projects = new SqliteProjectStore(Database);
        CveAllowlists = new SqliteCveAllowlistStore(Database);
    }

    public string Directory { get; }

    public SqliteDatabase Database { get; }

    public SqliteRegistryMetadata Metadata { get; }

    public SqliteProjectStore Projects { get; }

    public SqliteCveAllowlistStore CveAllowlists { get; }

    public static async Task<PolicyDatabase> CreateAsync()
    {
        var database = new PolicyDatabase(System.IO.Directory.CreateTempSubdirectory("berth-policy-tests-").FullName);
        await database.Database.MigrateAsync(default);
        return database;
    }

    public async Task<ProjectRecord> CreateProjectAsync(string name, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var project = await Projects.CreateAsync(name, null, metadata ?? new Dictionary<string, string>(), default);
        Assert.NotNull(project);
        return project;
    }

    public async ValueTask DisposeAsync()
    {
        await using (var connection = await Database.OpenAsync(default)) SqliteConnection.ClearPool(connection);
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
