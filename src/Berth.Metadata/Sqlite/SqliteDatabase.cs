using Microsoft.Data.Sqlite;

namespace Berth.Metadata.Sqlite;

/// <summary>
/// The embedded metadata database: one SQLite file in WAL mode. Readers use pooled connections in
/// parallel; writers take <see cref="WriteLock"/> so they queue in-process rather than spin on
/// SQLITE_BUSY.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;

    public SemaphoreSlim WriteLock { get; } = new(1, 1);

    public string FilePath { get; }

    public SqliteDatabase(string filePath)
    {
        FilePath = Path.GetFullPath(filePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Creates the file and brings its schema to the current version.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        await using var connection = await OpenAsync(cancellationToken);
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }
        await SqliteSchema.ApplyAsync(connection, cancellationToken);
    }
}
