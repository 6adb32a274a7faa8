using Berth.Metadata.Scanners;
using Berth.Metadata.Scans;
using Microsoft.Data.Sqlite;
using static Berth.Metadata.Sqlite.SqliteCommands;

namespace Berth.Metadata.Sqlite;

/// <summary>
/// <see cref="IScannerRegistrationStore"/> and <see cref="IExternalScanReportStore"/> on SQLite: the
/// <c>scanner_registration</c> and <c>project_scanner</c> tables of migration 5, and external reports in <c>scan_report</c>.
/// </summary>
public sealed class SqliteScannerRegistrationStore(SqliteDatabase database) : IScannerRegistrationStore, IExternalScanReportStore
{
    private const string Columns =
        "uuid, name, description, url, auth, access_credential, skip_cert_verify, use_internal_addr, disabled, is_default, created_at, updated_at";

    /// <summary>
    /// An external report's matched_at: later than any advisory import, so the re-matcher (which re-reads Berth's own
    /// inventories) never picks it up. A new scan request resets it.
    /// </summary>
    private static readonly long NeverRematched = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    public async Task<IReadOnlyList<ScannerRegistrationRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {Columns} FROM scanner_registration ORDER BY id;");
        return await command.ReadAllAsync(Read, cancellationToken);
    }

    public async Task<ScannerRegistrationRecord?> FindAsync(string uuid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {Columns} FROM scanner_registration WHERE uuid = $uuid;", ("$uuid", uuid));
        return (await command.ReadAllAsync(Read, cancellationToken)).FirstOrDefault();
    }

    public Task<ScannerRegistrationWrite> AddAsync(ScannerRegistrationRecord registration, CancellationToken cancellationToken) =>
        database.WriteAsync(async transaction =>
        {
            if (await TakenAsync(transaction, registration, cancellationToken) is { } taken) return taken;
            await transaction.ChangesAsync(
                $"""
                INSERT INTO scanner_registration ({Columns})
                VALUES ($uuid, $name, $description, $url, $auth, $credential, $skip, $internal, $disabled, 0, $created, $updated);
                """, cancellationToken, Parameters(registration));
            return ScannerRegistrationWrite.Done;
        }, cancellationToken);

    public Task<ScannerRegistrationWrite> UpdateAsync(ScannerRegistrationRecord registration, CancellationToken cancellationToken) =>
        database.WriteAsync(async transaction =>
        {
            if (await TakenAsync(transaction, registration, cancellationToken) is { } taken) return taken;
            var changed = await transaction.ChangesAsync(
                """
                UPDATE scanner_registration SET name = $name, description = $description, url = $url, auth = $auth,
                    access_credential = $credential, skip_cert_verify = $skip, use_internal_addr = $internal, disabled = $disabled,
                    updated_at = $updated
                WHERE uuid = $uuid;
                """, cancellationToken, Parameters(registration));
            return changed ? ScannerRegistrationWrite.Done : ScannerRegistrationWrite.NotFound;
        }, cancellationToken);

    public Task<bool> DeleteAsync(string uuid, CancellationToken cancellationToken) =>
        database.WriteAsync(async transaction =>
        {
            await transaction.ChangesAsync("DELETE FROM project_scanner WHERE registration_uuid = $uuid;", cancellationToken, ("$uuid", uuid));
            return await transaction.ChangesAsync("DELETE FROM scanner_registration WHERE uuid = $uuid;", cancellationToken, ("$uuid", uuid));
        }, cancellationToken);

    public Task<bool> SetDefaultAsync(string? uuid, CancellationToken cancellationToken) =>
        database.WriteAsync(async transaction =>
        {
            if (uuid is not null)
            {
                await using var exists = transaction.Command("SELECT COUNT(*) FROM scanner_registration WHERE uuid = $uuid;", ("$uuid", uuid));
                if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken)) == 0) return false;
            }
            await transaction.ChangesAsync("UPDATE scanner_registration SET is_default = 0 WHERE is_default = 1;", cancellationToken);
            if (uuid is not null)
                await transaction.ChangesAsync("UPDATE scanner_registration SET is_default = 1 WHERE uuid = $uuid;", cancellationToken, ("$uuid", uuid));
            return true;
        }, cancellationToken);

    public async Task<string?> FindProjectChoiceAsync(long projectId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT registration_uuid FROM project_scanner WHERE project_id = $project;", ("$project", projectId));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public Task SetProjectChoiceAsync(long projectId, string uuid, CancellationToken cancellationToken) =>
        database.WriteAsync(transaction => transaction.ChangesAsync(
            """
            INSERT INTO project_scanner (project_id, registration_uuid) VALUES ($project, $uuid)
            ON CONFLICT (project_id) DO UPDATE SET registration_uuid = excluded.registration_uuid;
            """, cancellationToken, ("$project", projectId), ("$uuid", uuid)), cancellationToken);

    public Task<bool> CompleteAsync(string reportId, string scannerName, string scannerVersion, ScanSummaryCounts summary, string document,
        DateTimeOffset end, CancellationToken cancellationToken) =>
        database.WriteAsync(t => t.ChangesAsync(
            """
            UPDATE scan_report SET status = 'Success', end_time = $end, matched_at = $never, error = NULL,
                scanner_name = $scanner, scanner_version = $version,
                severity = $severity, total = $total, fixable = $fixable, critical = $critical, high = $high, medium = $medium,
                low = $low, unknown = $unknown, document = $document
            WHERE report_id = $id AND status = 'Running';
            """,
            cancellationToken,
            [("$id", reportId), ("$end", end.ToUnixTimeMilliseconds()), ("$never", NeverRematched), ("$scanner", scannerName),
             ("$version", scannerVersion), ("$document", document), .. SqliteScanReportStore.SummaryParameters(summary)]),
            cancellationToken);

    private static async Task<ScannerRegistrationWrite?> TakenAsync(SqliteTransaction transaction, ScannerRegistrationRecord registration, CancellationToken cancellationToken)
    {
        await using var command = transaction.Command(
            "SELECT name = $name, url = $url FROM scanner_registration WHERE uuid <> $uuid AND (name = $name OR url = $url) LIMIT 1;",
            ("$uuid", registration.Uuid), ("$name", registration.Name), ("$url", registration.Url));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return reader.GetBoolean(0) ? ScannerRegistrationWrite.NameTaken : ScannerRegistrationWrite.UrlTaken;
    }

    private static (string, object?)[] Parameters(ScannerRegistrationRecord r) =>
    [
        ("$uuid", r.Uuid), ("$name", r.Name), ("$description", r.Description), ("$url", r.Url), ("$auth", r.Auth),
        ("$credential", r.AccessCredential), ("$skip", r.SkipCertVerify), ("$internal", r.UseInternalAddr), ("$disabled", r.Disabled),
        ("$created", r.CreatedAt.ToUnixTimeMilliseconds()), ("$updated", r.UpdatedAt.ToUnixTimeMilliseconds()),
    ];

    private static ScannerRegistrationRecord Read(SqliteDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
        reader.GetBoolean(6), reader.GetBoolean(7), reader.GetBoolean(8), reader.GetBoolean(9), Time(reader.GetInt64(10)), Time(reader.GetInt64(11)));
}
