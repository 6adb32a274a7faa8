using Microsoft.Data.Sqlite;

namespace Berth.Metadata.Sqlite;

/// <summary>
/// The embedded metadata database: one SQLite file in WAL mode. Readers use pooled connections in
/// parallel; writes queue in-process for one writer (rather than spin on SQLITE_BUSY), which commits
/// concurrent writes together. All writes go through <see cref="WriteAsync{T}(Func{SqliteTransaction, Task{T}}, CancellationToken)"/>.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;

    private readonly GroupCommit _writer;

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
        _writer = new GroupCommit(OpenAsync);
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
    /// Runs <paramref name="work"/> in a write transaction whose changes are kept only when
    /// <paramref name="commit"/> approves its result; otherwise every change it made is rolled back.
    /// The returned task completes once the changes are durable (see <see cref="GroupCommit"/>).
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteTransaction, Task<T>> work, Func<T, bool> commit, CancellationToken cancellationToken) =>
        _writer.EnqueueAsync(work, commit, cancellationToken);
}
