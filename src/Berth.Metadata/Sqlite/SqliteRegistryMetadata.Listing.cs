using Berth.Core;
using Berth.Core.Manifests;

namespace Berth.Metadata.Sqlite;

public sealed partial class SqliteRegistryMetadata
{
    public async Task<IReadOnlyList<string>> ListTagsAsync(string repository, int? limit, string? last, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            """
            SELECT t.name FROM tag t JOIN repository r ON r.id = t.repository_id
            WHERE r.name = $name AND t.name > $last ORDER BY t.name LIMIT $limit;
            """,
            ("$name", repository), ("$last", last ?? ""), ("$limit", limit ?? -1));
        return await ReadStringsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListRepositoriesAsync(int? limit, string? last, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT name FROM repository WHERE name > $last ORDER BY name LIMIT $limit;",
            ("$last", last ?? ""), ("$limit", limit ?? -1));
        return await ReadStringsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<Descriptor>> ListReferrersAsync(string repository, Digest subject, string? artifactType, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            """
            SELECT a.media_type, a.digest, a.size, a.artifact_type, a.annotations FROM artifact a
            JOIN repository r ON r.id = a.repository_id
            WHERE r.name = $name AND a.subject_digest = $subject AND ($type IS NULL OR a.artifact_type = $type)
            ORDER BY a.pushed_at, a.id;
            """,
            ("$name", repository), ("$subject", subject.ToString()), ("$type", artifactType));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var referrers = new List<Descriptor>();
        while (await reader.ReadAsync(cancellationToken))
        {
            referrers.Add(new Descriptor(
                reader.GetString(0), Digest.Parse(reader.GetString(1)), reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), null, reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return referrers;
    }

    private static async Task<IReadOnlyList<string>> ReadStringsAsync(Microsoft.Data.Sqlite.SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) values.Add(reader.GetString(0));
        return values;
    }
}
