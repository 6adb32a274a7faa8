using Microsoft.Data.Sqlite;

namespace Berth.Metadata.Sqlite;

/// <summary>
/// The embedded metadata database: one SQLite file in WAL mode. Readers use pooled connections in
/// parallel; writers take <see cref="WriteLock"/> so they queue in-process rather than spin on
/// SQLITE_BUSY. All writes go through <see cref="WriteAsync{T}(Func{SqliteTransaction, Task{T}}, CancellationToken)"/>.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;

    private SemaphoreSlim WriteLock { get; } = new(1, 1);

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

    /// <summary>Runs <paramref name="work"/> in one write transaction; it commits when the work returns.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        WriteAsync(work, static _ => true, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction that commits only when
    /// <paramref name="commit"/> approves its result; otherwise every change is rolled back.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteTransaction, Task<T>> work, Func<T, bool> commit, CancellationToken cancellationToken)
    {
        await WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction();
            var result = await work(transaction);
            if (commit(result)) await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            WriteLock.Release();
        }
    }
}
