using System.Diagnostics;
using Berth.Metadata.Sqlite;
using Berth.Scanning.Advisories.Importers;
using Microsoft.Data.Sqlite;

namespace Berth.Bench.Scanning;

/// <summary>A metadata database in a temporary directory with the advisory sources imported, deleted afterwards.</summary>
public sealed class ScratchAdvisoryDatabase : IAsyncDisposable
{
    private readonly string _directory;
    private readonly SqliteDatabase _database;

    private ScratchAdvisoryDatabase(string directory, SqliteDatabase database, SqliteAdvisoryStore store, long advisories, TimeSpan importTime)
    {
        _directory = directory;
        _database = database;
        Store = store;
        Advisories = advisories;
        ImportTime = importTime;
    }

    public SqliteAdvisoryStore Store { get; }

    public long Advisories { get; }

    public TimeSpan ImportTime { get; }

    public static async Task<ScratchAdvisoryDatabase> ImportAsync(string? parent, string sources, CancellationToken cancellationToken)
    {
        var directory = ScratchDirectories.Create(parent, "db");
        var database = new SqliteDatabase(Path.Combine(directory, "berth.db"));
        await database.MigrateAsync(cancellationToken);
        var store = new SqliteAdvisoryStore(database);
        var clock = Stopwatch.StartNew();
        var result = await new AdvisoryImporter(store).ImportAsync([sources], cancellationToken);
        var elapsed = clock.Elapsed;
        if (result.Errors.Count > 0)
            Console.Error.WriteLine($"  advisory import: {result.Errors.Count} files not imported, first: {result.Errors[0]}");
        return new ScratchAdvisoryDatabase(directory, database, store, result.Advisories, elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        await using (var connection = await _database.OpenAsync(default)) SqliteConnection.ClearPool(connection);
        Directory.Delete(_directory, recursive: true);
    }
}
