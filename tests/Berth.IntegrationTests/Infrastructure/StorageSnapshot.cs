using Microsoft.Data.Sqlite;

namespace Berth.IntegrationTests.Infrastructure;

/// <summary>
/// Everything a server has stored at one moment: each file under its data directory with its size
/// (the SQLite files aside) and the row count of each table. Refused requests must leave it unchanged.
/// The audit log is left out: its rows are written in batches after the requests they record, so rows
/// for a test's earlier, accepted pushes and pulls can land between two snapshots.
/// </summary>
public sealed class StorageSnapshot
{
    /// <summary>One line per file (<c>file blobs/sha256/ab/… 123</c>) and per table (<c>rows tag 2</c>), sorted.</summary>
    public IReadOnlyList<string> Lines { get; }

    private StorageSnapshot(IReadOnlyList<string> lines) => Lines = lines;

    public static async Task<StorageSnapshot> TakeAsync(string dataDirectory)
    {
        var lines = new List<string>();
        foreach (var path in Directory.EnumerateFiles(dataDirectory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(dataDirectory, path);
            // The database is compared by its rows: its files change size with WAL checkpoints alone.
            if (relative.StartsWith("berth.db", StringComparison.Ordinal)) continue;
            lines.Add($"file {relative} {new FileInfo(path).Length}");
        }
        foreach (var (table, rows) in await CountRowsAsync(Path.Combine(dataDirectory, "berth.db")))
            lines.Add($"rows {table} {rows}");
        lines.Sort(StringComparer.Ordinal);
        return new StorageSnapshot(lines);
    }

    public override string ToString() => string.Join('\n', Lines);

    private static async Task<List<(string Table, long Rows)>> CountRowsAsync(string databaseFile)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databaseFile,
            Mode = SqliteOpenMode.ReadOnly,
            // A pooled handle would keep the file open after the test deletes the data directory.
            Pooling = false,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'audit_log' ORDER BY name;";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var counts = new List<(string, long)>();
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM \"{table}\";";
            counts.Add((table, (long)(await count.ExecuteScalarAsync())!));
        }
        return counts;
    }
}
