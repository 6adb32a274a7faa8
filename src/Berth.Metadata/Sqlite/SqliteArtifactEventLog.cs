using Berth.Core;
using Berth.Metadata.Artifacts;

namespace Berth.Metadata.Sqlite;

/// <summary><see cref="IArtifactEventLog"/> on SQLite: one transaction per batch.</summary>
public sealed class SqliteArtifactEventLog(SqliteDatabase database) : IArtifactEventLog
{
    public Task AppendAsync(IReadOnlyList<ArtifactEvent> events, CancellationToken cancellationToken) =>
        database.WriteAsync(async transaction =>
        {
            foreach (var entry in events)
            {
                await transaction.ChangesAsync(
                    """
                    INSERT INTO audit_log (project_id, username, resource, resource_type, operation, op_time)
                    VALUES ((SELECT id FROM project WHERE name = $project), $username, $resource, $type, $operation, $time);
                    """,
                    cancellationToken, ("$project", ProjectName.Of(entry.Repository)), ("$username", entry.Username),
                    ("$resource", entry.Resource), ("$type", ArtifactEvent.ResourceType), ("$operation", entry.Operation),
                    ("$time", entry.At.ToUnixTimeMilliseconds()));
            }
            return events.Count;
        }, cancellationToken);
}
