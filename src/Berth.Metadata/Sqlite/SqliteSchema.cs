using Microsoft.Data.Sqlite;

namespace Berth.Metadata.Sqlite;

/// <summary>
/// Ordered schema migrations. The database records the last one applied in <c>PRAGMA user_version</c>;
/// a migration is never edited once released, only followed by a new one.
/// </summary>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE repository (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            created_at INTEGER NOT NULL
        );
        CREATE TABLE blob (
            digest TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            created_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE repository_blob (
            repository_id INTEGER NOT NULL REFERENCES repository(id) ON DELETE CASCADE,
            digest TEXT NOT NULL REFERENCES blob(digest),
            created_at INTEGER NOT NULL,
            PRIMARY KEY (repository_id, digest)
        ) WITHOUT ROWID;
        CREATE TABLE artifact (
            id INTEGER PRIMARY KEY,
            repository_id INTEGER NOT NULL REFERENCES repository(id) ON DELETE CASCADE,
            digest TEXT NOT NULL,
            media_type TEXT NOT NULL,
            artifact_type TEXT,
            size INTEGER NOT NULL,
            content BLOB NOT NULL,
            subject_digest TEXT,
            annotations TEXT,
            pushed_at INTEGER NOT NULL,
            UNIQUE (repository_id, digest)
        );
        CREATE INDEX artifact_subject ON artifact(repository_id, subject_digest) WHERE subject_digest IS NOT NULL;
        CREATE TABLE artifact_blob (
            artifact_id INTEGER NOT NULL REFERENCES artifact(id) ON DELETE CASCADE,
            digest TEXT NOT NULL,
            PRIMARY KEY (artifact_id, digest)
        ) WITHOUT ROWID;
        CREATE INDEX artifact_blob_digest ON artifact_blob(digest);
        CREATE TABLE artifact_child (
            artifact_id INTEGER NOT NULL REFERENCES artifact(id) ON DELETE CASCADE,
            child_digest TEXT NOT NULL,
            PRIMARY KEY (artifact_id, child_digest)
        ) WITHOUT ROWID;
        CREATE TABLE tag (
            repository_id INTEGER NOT NULL REFERENCES repository(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            artifact_id INTEGER NOT NULL REFERENCES artifact(id) ON DELETE CASCADE,
            pushed_at INTEGER NOT NULL,
            PRIMARY KEY (repository_id, name)
        );
        CREATE INDEX tag_artifact ON tag(artifact_id);
        """,
    ];

    public static int LatestVersion => Migrations.Length;

    public static async Task ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var versionCommand = connection.CreateCommand();
        versionCommand.CommandText = "PRAGMA user_version;";
        var current = Convert.ToInt32(await versionCommand.ExecuteScalarAsync(cancellationToken));
        if (current > Migrations.Length)
            throw new InvalidOperationException($"the database schema is version {current}, newer than this Berth ({Migrations.Length}); upgrade Berth");

        for (var version = current; version < Migrations.Length; version++)
        {
            await using var transaction = connection.BeginTransaction();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Migrations[version] + $"\nPRAGMA user_version = {version + 1};";
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
