using Microsoft.Data.Sqlite;

namespace Berth.Scanning.Analyzers.Rpm;

/// <summary>
/// rpm's SQLite database (<c>rpmdb.sqlite</c>, Fedora 33+, RHEL 9, Azure Linux): one header per row of
/// <c>Packages(hnum, blob)</c>. Opened read-only and immutable, so SQLite neither writes beside the copy nor
/// looks for a WAL that the layer did not ship.
/// </summary>
internal sealed class SqliteRpmReader : IRpmHeaderBlobReader
{
    public static ReadOnlySpan<byte> Magic => "SQLite format 3\0"u8;

    public async Task ReadAsync(TemporaryDatabaseCopy database, Action<byte[]> onHeader, DatabaseWarnings warnings, CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = new Uri(database.Path).AbsoluteUri + "?immutable=1",
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();

        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            // The schema is part of the untrusted file: a view or generated column named like rpm's table
            // could compute without end, so only a plain table with a plain blob column is read.
            await Execute(connection, "PRAGMA trusted_schema = OFF", cancellationToken);
            var problem = await CheckSchemaAsync(connection, cancellationToken);
            if (problem is not null)
            {
                warnings.Warn(problem);
                return;
            }

            await using var query = connection.CreateCommand();
            query.CommandText = "SELECT blob FROM Packages";
            await using var rows = await query.ExecuteReaderAsync(cancellationToken);
            while (await rows.ReadAsync(cancellationToken))
            {
                if (rows.IsDBNull(0))
                {
                    warnings.Warn("a Packages row has no blob");
                    continue;
                }
                onHeader(rows.GetFieldValue<byte[]>(0));
            }
        }
        catch (SqliteException e)
        {
            warnings.Warn($"SQLite could not read the database: {e.Message}");
        }
    }

    private static async Task<string?> CheckSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using (var kind = connection.CreateCommand())
        {
            kind.CommandText = "SELECT type FROM sqlite_master WHERE name = 'Packages'";
            var type = await kind.ExecuteScalarAsync(cancellationToken) as string;
            if (type != "table") return type is null ? "no Packages table" : $"Packages is a {type}, not a table";
        }

        await using var columns = connection.CreateCommand();
        columns.CommandText = "SELECT hidden FROM pragma_table_xinfo('Packages') WHERE name = 'blob'";
        return await columns.ExecuteScalarAsync(cancellationToken) switch
        {
            null => "the Packages table has no blob column",
            long hidden when hidden != 0 => "the Packages blob column is computed, not stored",
            _ => null,
        };
    }

    private static async Task Execute(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
