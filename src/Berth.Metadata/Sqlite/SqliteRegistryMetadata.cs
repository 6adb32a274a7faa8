using Berth.Core;
using Berth.Metadata.Artifacts;
using Microsoft.Data.Sqlite;

namespace Berth.Metadata.Sqlite;

/// <summary>
/// <see cref="IRegistryMetadata"/> on SQLite. This file holds repositories and blob links; manifests,
/// tags and listings are in the other parts of the class.
/// </summary>
public sealed partial class SqliteRegistryMetadata(SqliteDatabase database, IEnumerable<IArtifactRemovalObserver>? removalObservers = null)
    : IRegistryMetadata
{
    public async Task LinkBlobAsync(string repository, Digest digest, long size, CancellationToken cancellationToken)
    {
        await database.WriteAsync(async transaction =>
        {
            var repositoryId = await EnsureRepositoryAsync(transaction, repository, cancellationToken);
            var now = SqliteCommands.Now();
            await using (var blob = transaction.Command(
                "INSERT INTO blob (digest, size, created_at) VALUES ($digest, $size, $now) ON CONFLICT DO NOTHING;",
                ("$digest", digest.ToString()), ("$size", size), ("$now", now)))
            {
                await blob.ExecuteNonQueryAsync(cancellationToken);
            }
            await using var link = transaction.Command(
                "INSERT INTO repository_blob (repository_id, digest, created_at) VALUES ($repo, $digest, $now) ON CONFLICT DO NOTHING;",
                ("$repo", repositoryId), ("$digest", digest.ToString()), ("$now", now));
            return await link.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    public async Task<long?> FindLinkedBlobAsync(string repository, Digest digest, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            """
            SELECT b.size FROM repository r
            JOIN repository_blob rb ON rb.repository_id = r.id
            JOIN blob b ON b.digest = rb.digest
            WHERE r.name = $name AND rb.digest = $digest;
            """,
            ("$name", repository), ("$digest", digest.ToString()));
        var size = await command.ExecuteScalarAsync(cancellationToken);
        return size is long value ? value : null;
    }

    public async Task<bool> UnlinkBlobAsync(string repository, Digest digest, CancellationToken cancellationToken)
    {
        return await database.WriteAsync(async transaction =>
        {
            await using var command = transaction.Command(
                "DELETE FROM repository_blob WHERE digest = $digest AND repository_id = (SELECT id FROM repository WHERE name = $name);",
                ("$name", repository), ("$digest", digest.ToString()));
            return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        }, cancellationToken);
    }

    public async Task<bool> RepositoryExistsAsync(string repository, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT 1 FROM repository WHERE name = $name;", ("$name", repository));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>
    /// The repository's id, creating it on first use inside the project named by its first path
    /// component. Access control refuses pushes to projects that do not exist before this runs; the
    /// project is created here only for the embedded registry without access control.
    /// </summary>
    private static async Task<long> EnsureRepositoryAsync(SqliteTransaction transaction, string repository, CancellationToken cancellationToken)
    {
        await using (var existing = transaction.Command("SELECT id FROM repository WHERE name = $name;", ("$name", repository)))
        {
            if (await existing.ExecuteScalarAsync(cancellationToken) is long id) return id;
        }
        var now = SqliteCommands.Now();
        var projectName = ProjectName.Of(repository);
        await using (var project = transaction.Command(
            "INSERT INTO project (name, created_at, updated_at) VALUES ($project, $now, $now) ON CONFLICT DO NOTHING;",
            ("$project", projectName), ("$now", now)))
        {
            await project.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var insert = transaction.Command(
            """
            INSERT INTO repository (name, created_at, project_id)
            VALUES ($name, $now, (SELECT id FROM project WHERE name = $project)) RETURNING id;
            """,
            ("$name", repository), ("$now", now), ("$project", projectName));
        return (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
    }
}
