using Microsoft.Data.Sqlite;

namespace Berth.IntegrationTests.Api;

/// <summary>Reads the server's audit log straight from its database, read-only, since no API lists it yet.</summary>
internal static class AuditTrail
{
    /// <summary>Lines <c>operator resource_type operation resource</c>, oldest first.</summary>
    public static async Task<List<string>> ReadAsync(string dataDirectory)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "berth.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT username, resource_type, operation, resource FROM audit_log ORDER BY id;";
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
            lines.Add($"{reader.GetString(0)} {reader.GetString(1)} {reader.GetString(2)} {reader.GetString(3)}");
        return lines;
    }
}
