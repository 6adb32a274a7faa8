using System.Text.Json;
using Berth.Metadata.Access;
using static Berth.Metadata.Sqlite.SqliteCommands;

namespace Berth.Metadata.Sqlite;

/// <summary><see cref="ICveAllowlistStore"/> on SQLite; the items are kept as a JSON array of CVE ids.</summary>
public sealed class SqliteCveAllowlistStore(SqliteDatabase database) : ICveAllowlistStore
{
    public async Task<CveAllowlist?> FindAsync(long projectId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT project_id, expires_at, items, created_at, updated_at FROM cve_allowlist WHERE project_id = $project;", ("$project", projectId));
        var rows = await command.ReadAllAsync(r => new CveAllowlist(
            r.GetInt64(0), Time(r, 1), JsonSerializer.Deserialize<string[]>(r.GetString(2)) ?? [], Time(r.GetInt64(3)), Time(r.GetInt64(4))),
            cancellationToken);
        return rows.FirstOrDefault();
    }

    public Task SetAsync(long projectId, DateTimeOffset? expiresAt, IReadOnlyList<string> items, CancellationToken cancellationToken) =>
        database.WriteAsync(t => t.ChangesAsync(
            """
            INSERT INTO cve_allowlist (project_id, expires_at, items, created_at, updated_at) VALUES ($project, $expires, $items, $now, $now)
            ON CONFLICT (project_id) DO UPDATE SET expires_at = excluded.expires_at, items = excluded.items, updated_at = excluded.updated_at;
            """,
            cancellationToken, ("$project", projectId), ("$expires", Milliseconds(expiresAt)), ("$items", JsonSerializer.Serialize(items)),
            ("$now", Now())), cancellationToken);
}
