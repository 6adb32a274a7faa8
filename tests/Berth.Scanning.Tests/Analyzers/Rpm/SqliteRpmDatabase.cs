using Microsoft.Data.Sqlite;

namespace Berth.Scanning.Tests.Analyzers.Rpm;

/// <summary>Builds rpmdb.sqlite files with rpm's schema (or a hostile one) holding chosen header blobs.</summary>
public static class SqliteRpmDatabase
{
    public const string RpmSchema = "CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)";

    public static async Task<byte[]> CreateAsync(IEnumerable<byte[]> blobs, string schema = RpmSchema)
    {
        var path = Path.Combine(Path.GetTempPath(), $"berth-rpm-test-{Guid.NewGuid():N}.sqlite");
        try
        {
            await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
            {
                await connection.OpenAsync();
                await using (var create = connection.CreateCommand())
                {
                    create.CommandText = schema;
                    await create.ExecuteNonQueryAsync();
                }
                foreach (var blob in blobs)
                {
                    await using var insert = connection.CreateCommand();
                    insert.CommandText = "INSERT INTO Packages (blob) VALUES ($blob)";
                    insert.Parameters.AddWithValue("$blob", blob);
                    await insert.ExecuteNonQueryAsync();
                }
            }
            return await File.ReadAllBytesAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
