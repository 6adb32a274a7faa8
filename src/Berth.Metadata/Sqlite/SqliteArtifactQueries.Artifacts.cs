using Berth.Core;
using Berth.Metadata.Artifacts;
using Microsoft.Data.Sqlite;
using static Berth.Metadata.Sqlite.SqliteCommands;

namespace Berth.Metadata.Sqlite;

public sealed partial class SqliteArtifactQueries
{
    /// <summary>Manifest bytes plus referenced blobs, plus for an index each child's manifest and blobs.</summary>
    private const string ArtifactColumns =
        """
        SELECT a.id, r.project_id, r.id, r.name, a.digest, a.media_type, a.artifact_type,
            a.size
            + COALESCE((SELECT sum(b.size) FROM artifact_blob ab JOIN blob b ON b.digest = ab.digest WHERE ab.artifact_id = a.id), 0)
            + COALESCE((SELECT sum(c.size + COALESCE((SELECT sum(b.size) FROM artifact_blob ab JOIN blob b ON b.digest = ab.digest WHERE ab.artifact_id = c.id), 0))
                        FROM artifact_child ch JOIN artifact c ON c.repository_id = a.repository_id AND c.digest = ch.child_digest
                        WHERE ch.artifact_id = a.id), 0),
            a.annotations, a.pushed_at, a.content
        FROM artifact a JOIN repository r ON r.id = a.repository_id
        """;

    public async Task<(IReadOnlyList<ArtifactRecord> Artifacts, int Total)> ListArtifactsAsync(long repositoryId, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var count = connection.Command($"SELECT count(*) FROM artifact a WHERE a.repository_id = $repo AND {TopLevel};", ("$repo", repositoryId));
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken));
        await using var page = connection.Command(
            $"{ArtifactColumns} WHERE a.repository_id = $repo AND {TopLevel} ORDER BY a.pushed_at DESC, a.id DESC LIMIT $limit OFFSET $offset;",
            ("$repo", repositoryId), ("$limit", limit), ("$offset", offset));
        var rows = await page.ReadAllAsync(ReadArtifact, cancellationToken);
        return (await CompleteAsync(connection, rows, cancellationToken), total);
    }

    public async Task<ArtifactRecord?> FindArtifactAsync(long repositoryId, string reference, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            Digest.TryParse(reference, out _)
                ? $"{ArtifactColumns} WHERE a.repository_id = $repo AND a.digest = $ref;"
                : $"{ArtifactColumns} JOIN tag t ON t.artifact_id = a.id WHERE a.repository_id = $repo AND t.name = $ref;",
            ("$repo", repositoryId), ("$ref", reference));
        var rows = await command.ReadAllAsync(ReadArtifact, cancellationToken);
        return (await CompleteAsync(connection, rows, cancellationToken)).FirstOrDefault();
    }

    public Task<TagAddition> AddTagAsync(long artifactId, string name, CancellationToken cancellationToken) =>
        database.WriteAsync(async transaction =>
        {
            var added = await transaction.ChangesAsync(
                """
                INSERT INTO tag (repository_id, name, artifact_id, pushed_at)
                SELECT repository_id, $name, id, $now FROM artifact WHERE id = $id
                ON CONFLICT (repository_id, name) DO NOTHING;
                """,
                cancellationToken, ("$name", name), ("$id", artifactId), ("$now", Now()));
            if (added) return TagAddition.Added;
            await using var exists = transaction.Command("SELECT 1 FROM artifact WHERE id = $id;", ("$id", artifactId));
            return await exists.ExecuteScalarAsync(cancellationToken) is null ? TagAddition.ArtifactGone : TagAddition.Exists;
        }, cancellationToken);

    public Task<bool> DeleteTagAsync(long artifactId, string name, CancellationToken cancellationToken) =>
        database.WriteAsync(t => t.ChangesAsync(
            "DELETE FROM tag WHERE artifact_id = $id AND name = $name;", cancellationToken, ("$id", artifactId), ("$name", name)), cancellationToken);

    /// <summary>Adds the tags and pull times to artifacts read from one repository.</summary>
    private static async Task<IReadOnlyList<ArtifactRecord>> CompleteAsync(SqliteConnection connection, List<ArtifactRecord> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return rows;
        var repository = rows[0].RepositoryName;
        var pulls = await PullStatistics.ReadAsync(connection, rows[0].ProjectId, cancellationToken);
        await using var command = connection.Command(
            "SELECT rowid, repository_id, artifact_id, name, pushed_at FROM tag WHERE repository_id = $repo ORDER BY pushed_at DESC, name;",
            ("$repo", rows[0].RepositoryId));
        var tags = (await command.ReadAllAsync(
                r => new TagRecord(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetString(3), Time(r.GetInt64(4)), null), cancellationToken))
            .Select(t => t with { PulledAt = pulls.LastPullOfTag(repository, t.Name) })
            .ToLookup(t => t.ArtifactId);
        return rows.Select(a => a with
        {
            Tags = tags[a.Id].ToList(),
            PulledAt = pulls.LastPullOf(repository, a.Digest.ToString(), tags[a.Id].Select(t => t.Name)),
        }).ToList();
    }

    private static ArtifactRecord ReadArtifact(SqliteDataReader r) => new(
        r.GetInt64(0), r.IsDBNull(1) ? 0 : r.GetInt64(1), r.GetInt64(2), r.GetString(3), Digest.Parse(r.GetString(4)), r.GetString(5),
        r.IsDBNull(6) ? null : r.GetString(6), r.GetInt64(7), r.IsDBNull(8) ? null : r.GetString(8), Time(r.GetInt64(9)), null, [],
        r.GetFieldValue<byte[]>(10));
}
