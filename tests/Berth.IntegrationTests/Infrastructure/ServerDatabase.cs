using Berth.Access.Passwords;
using Microsoft.Data.Sqlite;

namespace Berth.IntegrationTests.Infrastructure;

/// <summary>
/// Writes to a running server's SQLite file what its API cannot set (yet): local users, memberships, and a
/// robot expiry in the past — a test cannot wait days for one to lapse.
/// </summary>
public sealed class ServerDatabase(BerthServer server)
{
    /// <summary>Adds a non-admin user and returns its id. A low PBKDF2 cost keeps sign-in checks fast in tests.</summary>
    public Task<long> AddUserAsync(string username, string password) => ScalarAsync(
        """
        INSERT INTO user_account (username, password_hash, created_at, updated_at) VALUES ($name, $hash, $now, $now) RETURNING id;
        """, ("$name", username), ("$hash", PasswordHasher.Hash(password, iterations: 1000)), ("$now", Now()));

    /// <summary>Makes the user a member of the project with Harbor's role id (1 projectAdmin, 2 developer, …).</summary>
    public Task<long> AddMemberAsync(string project, long userId, int role) => ScalarAsync(
        """
        INSERT INTO project_member (project_id, user_id, role, created_at)
        VALUES ((SELECT id FROM project WHERE name = $project), $user, $role, $now) RETURNING id;
        """, ("$project", project), ("$user", userId), ("$role", role), ("$now", Now()));

    public Task<long> ExpireRobotAsync(string robotName) => ScalarAsync(
        "UPDATE robot SET expires_at = $past WHERE name = $name RETURNING id;",
        ("$name", robotName), ("$past", DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds()));

    /// <summary>Disables the user, as an operator would in the database: Harbor's API has no call for it.</summary>
    public Task<long> DisableUserAsync(string username) => ScalarAsync(
        "UPDATE user_account SET disabled = 1 WHERE username = $name RETURNING id;", ("$name", username));

    /// <summary>How many audit entries name this resource of this type with this operation.</summary>
    public Task<long> CountAuditAsync(string resource, string resourceType, string operation) => ScalarAsync(
        "SELECT COUNT(*) FROM audit_log WHERE resource = $resource AND resource_type = $type AND operation = $operation;",
        ("$resource", resource), ("$type", resourceType), ("$operation", operation));

    /// <summary>The stored secret column of a robot, to check that only a hash is kept.</summary>
    public async Task<string> RobotSecretHashAsync(string robotName)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, "SELECT secret_hash FROM robot WHERE name = $name;", ("$name", robotName));
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync()
            ?? throw new InvalidOperationException($"no row for: {sql}"));
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        // Unpooled, so no handle outlives the test and blocks deleting the data directory.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(server.DataDirectory, "berth.db"),
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
