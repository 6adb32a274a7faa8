using Berth.Core;
using Berth.Metadata.Artifacts;
using Microsoft.Data.Sqlite;
using static Berth.Metadata.Sqlite.SqliteCommands;

namespace Berth.Metadata.Sqlite;

/// <summary><see cref="IArtifactQueries"/> on SQLite. Repositories are in this file; artifacts and tags in the other part.</summary>
public sealed partial class SqliteArtifactQueries(SqliteDatabase database) : IArtifactQueries
{
    private const string RepositoryColumns =
        """
        SELECT r.id, r.project_id, r.name, r.created_at,
            (SELECT count(*) FROM artifact a WHERE a.repository_id = r.id AND {0}),
            (SELECT max(a.pushed_at) FROM artifact a WHERE a.repository_id = r.id)
        FROM repository r
        """;

    /// <summary>
    /// Artifacts the API lists: all but an index's untagged children, which Harbor shows only as the
    /// index's references.
    /// </summary>
    private const string TopLevel =
        """
        (EXISTS (SELECT 1 FROM tag t WHERE t.artifact_id = a.id)
         OR NOT EXISTS (SELECT 1 FROM artifact_child ch JOIN artifact p ON p.id = ch.artifact_id
                        WHERE p.repository_id = a.repository_id AND ch.child_digest = a.digest))
        """;

    public async Task<IReadOnlyList<RepositorySummary>> ListRepositoriesAsync(long projectId, string? nameContains, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            string.Format(RepositoryColumns, TopLevel) + " WHERE r.project_id = $project AND ($contains IS NULL OR instr(r.name, $contains) > 0) ORDER BY r.name;",
            ("$project", projectId), ("$contains", string.IsNullOrEmpty(nameContains) ? null : nameContains));
        var rows = await command.ReadAllAsync(ReadRepository, cancellationToken);
        if (rows.Count == 0) return rows;
        var pulls = await PullStatistics.ReadAsync(connection, projectId, cancellationToken);
        return rows.Select(r => r with { PullCount = pulls.CountOf(r.Name) }).ToList();
    }

    public async Task<RepositorySummary?> FindRepositoryAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(string.Format(RepositoryColumns, TopLevel) + " WHERE r.name = $name;", ("$name", name));
        var found = (await command.ReadAllAsync(ReadRepository, cancellationToken)).FirstOrDefault();
        if (found is null) return null;
        var pulls = await PullStatistics.ReadAsync(connection, found.ProjectId, cancellationToken);
        return found with { PullCount = pulls.CountOf(found.Name) };
    }

    public Task<bool> DeleteRepositoryAsync(long repositoryId, CancellationToken cancellationToken) =>
        // Artifacts, tags and blob links go with it (ON DELETE CASCADE); blobs stay for garbage collection.
        database.WriteAsync(t => t.ChangesAsync("DELETE FROM repository WHERE id = $id;", cancellationToken, ("$id", repositoryId)), cancellationToken);

    private static RepositorySummary ReadRepository(SqliteDataReader r)
    {
        var created = Time(r.GetInt64(3));
        return new RepositorySummary(r.GetInt64(0), r.IsDBNull(1) ? 0 : r.GetInt64(1), r.GetString(2), r.GetInt32(4), 0,
            created, r.IsDBNull(5) ? created : Time(r.GetInt64(5)));
    }
}
