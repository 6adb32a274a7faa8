using System.Text.Json;
using Berth.Core.Advisories;
using Microsoft.Data.Sqlite;
using static Berth.Metadata.Sqlite.SqliteCommands;

namespace Berth.Metadata.Sqlite;

/// <summary><see cref="IAdvisoryStore"/> on SQLite; aliases are kept as a JSON array.</summary>
public sealed class SqliteAdvisoryStore(SqliteDatabase database) : IAdvisoryStore
{
    private const string Columns =
        "advisory_id, source, ecosystem, package, affected, severity, cvss_vector, cvss_score, summary, aliases, published, modified";

    public Task<int> WriteAsync(IReadOnlyList<AdvisoryRecord> records, IReadOnlyList<string> withdrawnIds, CancellationToken cancellationToken) =>
        database.WriteAsync(async transaction =>
        {
            var changed = 0;
            if (withdrawnIds.Count > 0)
            {
                await using var delete = transaction.Command("DELETE FROM advisory WHERE advisory_id = $id;");
                var id = delete.Parameters.Add("$id", SqliteType.Text);
                foreach (var withdrawn in withdrawnIds)
                {
                    id.Value = withdrawn;
                    changed += await delete.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            if (records.Count == 0) return changed;

            // One prepared statement reused for the whole batch: parameters change, the plan does not.
            await using var upsert = transaction.Command(
                $"""
                INSERT INTO advisory ({Columns})
                VALUES ($id, $source, $ecosystem, $package, $affected, $severity, $vector, $score, $summary, $aliases, $published, $modified)
                ON CONFLICT (ecosystem, package, advisory_id) DO UPDATE SET
                    source = excluded.source, affected = excluded.affected, severity = excluded.severity,
                    cvss_vector = excluded.cvss_vector, cvss_score = excluded.cvss_score, summary = excluded.summary,
                    aliases = excluded.aliases, published = excluded.published, modified = excluded.modified;
                """);
            string[] names = ["$id", "$source", "$ecosystem", "$package", "$affected", "$severity", "$vector", "$score", "$summary", "$aliases", "$published", "$modified"];
            var parameters = names.Select(n => upsert.Parameters.Add(n, SqliteType.Text)).ToArray();
            parameters[7].SqliteType = SqliteType.Real;
            parameters[10].SqliteType = SqliteType.Integer;
            parameters[11].SqliteType = SqliteType.Integer;
            foreach (var record in records)
            {
                object?[] values =
                [
                    record.Id, record.Source, record.Ecosystem, record.Package, record.Affected, record.Severity, record.CvssVector,
                    record.CvssScore, record.Summary, JsonSerializer.Serialize(record.Aliases), Milliseconds(record.Published), Milliseconds(record.Modified),
                ];
                for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
                changed += await upsert.ExecuteNonQueryAsync(cancellationToken);
            }
            return changed;
        }, cancellationToken);

    public async Task<IReadOnlyList<AdvisoryRecord>> FindAsync(IReadOnlyCollection<AdvisoryKey> keys, CancellationToken cancellationToken)
    {
        var found = new List<AdvisoryRecord>();
        if (keys.Count == 0) return found;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {Columns} FROM advisory WHERE ecosystem = $ecosystem AND package = $package ORDER BY advisory_id;");
        var ecosystem = command.Parameters.Add("$ecosystem", SqliteType.Text);
        var package = command.Parameters.Add("$package", SqliteType.Text);
        foreach (var key in keys.Distinct())
        {
            ecosystem.Value = key.Ecosystem;
            package.Value = key.Package;
            found.AddRange(await command.ReadAllAsync(Read, cancellationToken));
        }
        return found;
    }

    public async Task<IReadOnlyList<AdvisoryRecord>> FindByIdAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {Columns} FROM advisory WHERE advisory_id = $id ORDER BY ecosystem, package;", ("$id", id));
        return await command.ReadAllAsync(Read, cancellationToken);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT count(*) FROM advisory;");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    public Task SetSourceAsync(AdvisorySourceRecord source, CancellationToken cancellationToken) =>
        database.WriteAsync(t => t.ChangesAsync(
            """
            INSERT INTO advisory_source (name, url, imported_count, imported_at) VALUES ($name, $url, $count, $at)
            ON CONFLICT (name) DO UPDATE SET url = excluded.url, imported_count = excluded.imported_count, imported_at = excluded.imported_at;
            """,
            cancellationToken, ("$name", source.Name), ("$url", source.Url), ("$count", source.ImportedCount),
            ("$at", source.ImportedAt.ToUnixTimeMilliseconds())), cancellationToken);

    public async Task<IReadOnlyList<AdvisorySourceRecord>> ListSourcesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT name, url, imported_count, imported_at FROM advisory_source ORDER BY name;");
        return await command.ReadAllAsync(r => new AdvisorySourceRecord(r.GetString(0), r.GetString(1), r.GetInt64(2), Time(r.GetInt64(3))), cancellationToken);
    }

    private static AdvisoryRecord Read(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
        r.IsDBNull(6) ? null : r.GetString(6),
        r.IsDBNull(7) ? null : r.GetDouble(7),
        r.IsDBNull(8) ? null : r.GetString(8),
        JsonSerializer.Deserialize<string[]>(r.GetString(9)) ?? [],
        Time(r, 10),
        Time(r, 11));
}
