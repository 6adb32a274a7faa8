using Berth.Metadata.Access;
using Microsoft.Data.Sqlite;
using static Berth.Metadata.Sqlite.SqliteCommands;

namespace Berth.Metadata.Sqlite;

/// <summary><see cref="IRobotStore"/> on SQLite.</summary>
public sealed class SqliteRobotStore(SqliteDatabase database) : IRobotStore
{
    private const string Columns =
        "id, name, description, level, project_id, secret_hash, duration_days, expires_at, disabled, permissions, created_at, updated_at";

    public Task<RobotRecord?> FindAsync(string name, CancellationToken cancellationToken) =>
        FindOneAsync($"SELECT {Columns} FROM robot WHERE name = $key;", name, cancellationToken);

    public Task<RobotRecord?> FindAsync(long id, CancellationToken cancellationToken) =>
        FindOneAsync($"SELECT {Columns} FROM robot WHERE id = $key;", id, cancellationToken);

    public async Task<RobotRecord?> CreateAsync(RobotRecord robot, CancellationToken cancellationToken)
    {
        var id = await database.WriteAsync(async transaction =>
        {
            var now = Now();
            await using var insert = transaction.Command(
                """
                INSERT INTO robot (name, description, level, project_id, secret_hash, duration_days, expires_at, disabled, permissions, created_at, updated_at)
                VALUES ($name, $description, $level, $project, $secret, $duration, $expires, $disabled, $permissions, $now, $now)
                ON CONFLICT DO NOTHING RETURNING id;
                """,
                ("$name", robot.Name), ("$description", robot.Description), ("$level", robot.Level), ("$project", robot.ProjectId),
                ("$secret", robot.SecretHash), ("$duration", robot.DurationDays), ("$expires", Milliseconds(robot.ExpiresAt)),
                ("$disabled", robot.Disabled), ("$permissions", robot.PermissionsJson), ("$now", now));
            return await insert.ExecuteScalarAsync(cancellationToken) as long?;
        }, cancellationToken);
        return id is null ? null : await FindAsync(id.Value, cancellationToken);
    }

    public Task<bool> UpdateAsync(RobotRecord robot, CancellationToken cancellationToken) =>
        database.WriteAsync(t => t.ChangesAsync(
            """
            UPDATE robot SET description = $description, duration_days = $duration, expires_at = $expires, disabled = $disabled,
                permissions = $permissions, updated_at = $now WHERE id = $id;
            """,
            cancellationToken, ("$description", robot.Description), ("$duration", robot.DurationDays), ("$expires", Milliseconds(robot.ExpiresAt)),
            ("$disabled", robot.Disabled), ("$permissions", robot.PermissionsJson), ("$now", Now()), ("$id", robot.Id)), cancellationToken);

    public Task<bool> SetSecretAsync(long id, string secretHash, CancellationToken cancellationToken) =>
        database.WriteAsync(t => t.ChangesAsync(
            "UPDATE robot SET secret_hash = $secret, updated_at = $now WHERE id = $id;",
            cancellationToken, ("$secret", secretHash), ("$now", Now()), ("$id", id)), cancellationToken);

    public Task<bool> DeleteAsync(long id, CancellationToken cancellationToken) =>
        database.WriteAsync(t => t.ChangesAsync("DELETE FROM robot WHERE id = $id;", cancellationToken, ("$id", id)), cancellationToken);

    public async Task<IReadOnlyList<RobotRecord>> ListAsync(long? projectId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {Columns} FROM robot WHERE $project IS NULL OR project_id = $project ORDER BY name;", ("$project", projectId));
        return await command.ReadAllAsync(Read, cancellationToken);
    }

    private async Task<RobotRecord?> FindOneAsync(string sql, object key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql, ("$key", key));
        return (await command.ReadAllAsync(Read, cancellationToken)).FirstOrDefault();
    }

    private static RobotRecord Read(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetInt64(4), r.GetString(5),
        r.GetInt32(6), Time(r, 7), r.GetBoolean(8), r.GetString(9), Time(r.GetInt64(10)), Time(r.GetInt64(11)));
}
