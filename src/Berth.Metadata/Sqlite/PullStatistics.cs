using Microsoft.Data.Sqlite;

namespace Berth.Metadata.Sqlite;

/// <summary>
/// Pull counts and last pull times of one project, read from the audit log's pull entries
/// (<c>proj/repo:tag</c> or <c>proj/repo@digest</c>). Deriving them keeps /v2 pulls free of a counter
/// update in the write transaction; the audit log is written off the hot path anyway.
/// </summary>
internal sealed class PullStatistics
{
    private readonly Dictionary<string, (long Count, long Last)> _byResource;

    private PullStatistics(Dictionary<string, (long Count, long Last)> byResource) => _byResource = byResource;

    public static async Task<PullStatistics> ReadAsync(SqliteConnection connection, long projectId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            """
            SELECT resource, count(*), max(op_time) FROM audit_log
            WHERE project_id = $project AND operation = 'pull' AND resource_type = 'artifact'
            GROUP BY resource;
            """,
            ("$project", projectId));
        var rows = await command.ReadAllAsync(r => (Resource: r.GetString(0), Count: r.GetInt64(1), Last: r.GetInt64(2)), cancellationToken);
        return new PullStatistics(rows.ToDictionary(r => r.Resource, r => (r.Count, r.Last), StringComparer.Ordinal));
    }

    /// <summary>Every pull of anything in the repository: a repository name holds neither ':' nor '@'.</summary>
    public long CountOf(string repository) =>
        _byResource.Where(p => RepositoryOf(p.Key) == repository).Sum(p => p.Value.Count);

    /// <summary>The last pull of the artifact, by its digest or by any of its current tags.</summary>
    public DateTimeOffset? LastPullOf(string repository, string digest, IEnumerable<string> tags) =>
        Latest(tags.Select(t => $"{repository}:{t}").Append($"{repository}@{digest}"));

    public DateTimeOffset? LastPullOfTag(string repository, string tag) => Latest([$"{repository}:{tag}"]);

    private DateTimeOffset? Latest(IEnumerable<string> resources)
    {
        long? last = null;
        foreach (var resource in resources)
        {
            if (_byResource.TryGetValue(resource, out var pulls) && (last is null || pulls.Last > last)) last = pulls.Last;
        }
        return last is { } value ? SqliteCommands.Time(value) : null;
    }

    private static string RepositoryOf(string resource)
    {
        var end = resource.IndexOfAny([':', '@']);
        return end < 0 ? resource : resource[..end];
    }
}
