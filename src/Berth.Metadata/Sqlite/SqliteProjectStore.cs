using Berth.Metadata.Access;
using Microsoft.Data.Sqlite;
using static Berth.Metadata.Sqlite.SqliteCommands;

namespace Berth.Metadata.Sqlite;

/// <summary><see cref="IProjectStore"/> on SQLite.</summary>
public sealed class SqliteProjectStore(SqliteDatabase database) : IProjectStore
{
    private const string Select =
        """
        SELECT p.id, p.name, p.owner_id, u.username, p.created_at, p.updated_at,
               (SELECT count(*) FROM repository r WHERE r.project_id = p.id)
        FROM project p LEFT JOIN user_account u ON u.id = p.owner_id
        """;

    public Task<ProjectRecord?> FindAsync(string name, CancellationToken cancellationToken) =>
        FindOneAsync($"{Select} WHERE p.name = $key;", name, cancellationToken);

    public Task<ProjectRecord?> FindAsync(long id, CancellationToken cancellationToken) =>
        FindOneAsync($"{Select} WHERE p.id = $key;", id, cancellationToken);

    public async Task<ProjectRecord?> CreateAsync(string name, long? ownerId, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var id = await database.WriteAsync(async transaction =>
        {
            var now = Now();
            await using var insert = transaction.Command(
                "INSERT INTO project (name, owner_id, created_at, updated_at) VALUES ($name, $owner, $now, $now) ON CONFLICT DO NOTHING RETURNING id;",
                ("$name", name), ("$owner", ownerId), ("$now", now));
            if (await insert.ExecuteScalarAsync(cancellationToken) is not long projectId) return (long?)null;
            await WriteMetadataAsync(transaction, projectId, metadata, cancellationToken);
            // The creator administers the project, as in Harbor.
            if (ownerId is { } owner)
            {
                await transaction.ChangesAsync(
                    "INSERT INTO project_member (project_id, user_id, role, created_at) VALUES ($project, $user, 1, $now);",
                    cancellationToken, ("$project", projectId), ("$user", owner), ("$now", now));
            }
            return projectId;
        }, cancellationToken);
        return id is null ? null : await FindAsync(id.Value, cancellationToken);
    }

    public Task<bool> SetMetadataAsync(long id, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        database.WriteAsync(async transaction =>
        {
            if (!await transaction.ChangesAsync("UPDATE project SET updated_at = $now WHERE id = $id;", cancellationToken, ("$now", Now()), ("$id", id)))
                return false;
            await WriteMetadataAsync(transaction, id, metadata, cancellationToken);
            return true;
        }, cancellationToken);

    public Task<bool> DeleteMetadataAsync(long id, string key, CancellationToken cancellationToken) =>
        database.WriteAsync(t => t.ChangesAsync(
            "DELETE FROM project_metadata WHERE project_id = $id AND name = $key;", cancellationToken, ("$id", id), ("$key", key)), cancellationToken);

    public Task<bool> DeleteAsync(long id, bool withRepositories, CancellationToken cancellationToken) =>
        database.WriteAsync(async transaction =>
        {
            await using (var count = transaction.Command("SELECT count(*) FROM repository WHERE project_id = $id;", ("$id", id)))
            {
                if ((long)(await count.ExecuteScalarAsync(cancellationToken))! > 0 && !withRepositories) return false;
            }
            await transaction.ChangesAsync("DELETE FROM repository WHERE project_id = $id;", cancellationToken, ("$id", id));
            await transaction.ChangesAsync("DELETE FROM cve_allowlist WHERE project_id = $id;", cancellationToken, ("$id", id));
            return await transaction.ChangesAsync("DELETE FROM project WHERE id = $id;", cancellationToken, ("$id", id));
        }, cancellationToken);

    public async Task<IReadOnlyList<ProjectRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"{Select} ORDER BY p.name;");
        var rows = await command.ReadAllAsync(ReadRow, cancellationToken);
        var metadata = await ReadAllMetadataAsync(connection, cancellationToken);
        return rows.Select(row => row.With(metadata.GetValueOrDefault(row.Id) ?? Empty)).ToList();
    }

    public async Task<IReadOnlyList<ProjectMember>> ListMembersAsync(long projectId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            """
            SELECT m.id, m.project_id, m.user_id, u.username, m.role FROM project_member m
            JOIN user_account u ON u.id = m.user_id WHERE m.project_id = $project ORDER BY u.username;
            """,
            ("$project", projectId));
        return await command.ReadAllAsync(r => new ProjectMember(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetString(3), r.GetInt32(4)), cancellationToken);
    }

    public async Task<int?> FindRoleAsync(long projectId, long userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT role FROM project_member WHERE project_id = $project AND user_id = $user;", ("$project", projectId), ("$user", userId));
        return await command.ExecuteScalarAsync(cancellationToken) is long role ? (int)role : null;
    }

    public async Task<ProjectMember?> AddMemberAsync(long projectId, long userId, int role, CancellationToken cancellationToken)
    {
        var added = await database.WriteAsync(t => t.ChangesAsync(
            "INSERT INTO project_member (project_id, user_id, role, created_at) VALUES ($project, $user, $role, $now) ON CONFLICT DO NOTHING;",
            cancellationToken, ("$project", projectId), ("$user", userId), ("$role", role), ("$now", Now())), cancellationToken);
        if (!added) return null;
        return (await ListMembersAsync(projectId, cancellationToken)).First(m => m.UserId == userId);
    }

    public Task<bool> SetMemberRoleAsync(long projectId, long memberId, int role, CancellationToken cancellationToken) =>
        database.WriteAsync(t => t.ChangesAsync(
            "UPDATE project_member SET role = $role WHERE id = $id AND project_id = $project;",
            cancellationToken, ("$role", role), ("$id", memberId), ("$project", projectId)), cancellationToken);

    public Task<bool> RemoveMemberAsync(long projectId, long memberId, CancellationToken cancellationToken) =>
        database.WriteAsync(t => t.ChangesAsync(
            "DELETE FROM project_member WHERE id = $id AND project_id = $project;",
            cancellationToken, ("$id", memberId), ("$project", projectId)), cancellationToken);

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private async Task<ProjectRecord?> FindOneAsync(string sql, object key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql, ("$key", key));
        var row = (await command.ReadAllAsync(ReadRow, cancellationToken)).FirstOrDefault();
        if (row is null) return null;
        await using var metadata = connection.Command("SELECT name, value FROM project_metadata WHERE project_id = $id;", ("$id", row.Id));
        var pairs = await metadata.ReadAllAsync(r => (r.GetString(0), r.GetString(1)), cancellationToken);
        return row.With(pairs.ToDictionary(p => p.Item1, p => p.Item2));
    }

    private static async Task<Dictionary<long, IReadOnlyDictionary<string, string>>> ReadAllMetadataAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT project_id, name, value FROM project_metadata;");
        var rows = await command.ReadAllAsync(r => (r.GetInt64(0), r.GetString(1), r.GetString(2)), cancellationToken);
        return rows.GroupBy(r => r.Item1).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, string>)g.ToDictionary(r => r.Item2, r => r.Item3));
    }

    private static async Task WriteMetadataAsync(SqliteTransaction transaction, long projectId, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        foreach (var (key, value) in metadata)
        {
            await transaction.ChangesAsync(
                "INSERT INTO project_metadata (project_id, name, value) VALUES ($id, $key, $value) ON CONFLICT (project_id, name) DO UPDATE SET value = excluded.value;",
                cancellationToken, ("$id", projectId), ("$key", key), ("$value", value));
        }
    }

    private static ProjectRow ReadRow(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt64(2), r.IsDBNull(3) ? null : r.GetString(3),
        Time(r.GetInt64(4)), Time(r.GetInt64(5)), r.GetInt32(6));

    private sealed record ProjectRow(long Id, string Name, long? OwnerId, string? OwnerName, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Repositories)
    {
        public ProjectRecord With(IReadOnlyDictionary<string, string> metadata) =>
            new(Id, Name, OwnerId, OwnerName, metadata, Repositories, CreatedAt, UpdatedAt);
    }
}
