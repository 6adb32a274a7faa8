using Berth.Metadata.Access;
using static Berth.Metadata.Sqlite.SqliteCommands;

namespace Berth.Metadata.Sqlite;

/// <summary><see cref="IAuditLog"/> on SQLite.</summary>
public sealed class SqliteAuditLog(SqliteDatabase database) : IAuditLog
{
    public Task AppendAsync(long? projectId, string username, string resource, string resourceType, string operation, CancellationToken cancellationToken) =>
        database.WriteAsync(t => t.ChangesAsync(
            """
            INSERT INTO audit_log (project_id, username, resource, resource_type, operation, op_time)
            VALUES ($project, $username, $resource, $type, $operation, $now);
            """,
            cancellationToken, ("$project", projectId), ("$username", username), ("$resource", resource), ("$type", resourceType),
            ("$operation", operation), ("$now", Now())), cancellationToken);

    public async Task<(IReadOnlyList<AuditEntry> Entries, int Total)> ListAsync(long? projectId, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        const string where = "WHERE $project IS NULL OR project_id = $project";
        // By time, not id: /v2 events reach the table through a queue, after API entries written later.
        await using var count = connection.Command($"SELECT count(*) FROM audit_log {where};", ("$project", projectId));
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken));
        await using var page = connection.Command(
            $"SELECT id, project_id, username, resource, resource_type, operation, op_time FROM audit_log {where} ORDER BY op_time DESC, id DESC LIMIT $limit OFFSET $offset;",
            ("$project", projectId), ("$limit", limit), ("$offset", offset));
        var entries = await page.ReadAllAsync(r => new AuditEntry(
            r.GetInt64(0), r.IsDBNull(1) ? null : r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), Time(r.GetInt64(6))),
            cancellationToken);
        return (entries, total);
    }
}
