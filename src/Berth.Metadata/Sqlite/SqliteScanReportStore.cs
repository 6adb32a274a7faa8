using Berth.Core;
using Berth.Metadata.Scans;
using Microsoft.Data.Sqlite;
using static Berth.Metadata.Sqlite.SqliteCommands;

namespace Berth.Metadata.Sqlite;

/// <summary><see cref="IScanReportStore"/> on SQLite: the <c>scan_report</c> table of migration 4.</summary>
public sealed class SqliteScanReportStore(SqliteDatabase database) : IScanReportStore
{
    private const string Columns =
        """
        id, digest, report_id, repository, project_id, status, requested_at, start_time, end_time, matched_at, error,
        scanner_name, scanner_version, severity, total, fixable, critical, high, medium, low, unknown, sbom_digest
        """;

    private const int DocumentOrdinal = 22;

    public Task<bool> RequestAsync(ScanRequest request, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(transaction => RequestInAsync(transaction, request, now, cancellationToken), cancellationToken);

    public Task<int> RequestManyAsync(IReadOnlyList<ScanRequest> requests, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async transaction =>
        {
            var queued = 0;
            foreach (var request in requests)
                if (await RequestInAsync(transaction, request, now, cancellationToken)) queued++;
            return queued;
        }, cancellationToken);

    /// <summary>A report already waiting or running keeps its place; any other state starts over as a new request.</summary>
    private static Task<bool> RequestInAsync(SqliteTransaction transaction, ScanRequest request, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.ChangesAsync(
            """
            INSERT INTO scan_report (digest, report_id, repository, project_id, status, requested_at)
            VALUES ($digest, $id, $repository, (SELECT project_id FROM repository WHERE name = $repository), 'Pending', $now)
            ON CONFLICT (digest) DO UPDATE SET
                report_id = excluded.report_id, repository = excluded.repository, project_id = excluded.project_id,
                status = 'Pending', requested_at = excluded.requested_at, start_time = NULL, end_time = NULL, matched_at = NULL,
                error = NULL, scanner_name = NULL, scanner_version = NULL, severity = NULL, total = NULL, fixable = NULL,
                critical = NULL, high = NULL, medium = NULL, low = NULL, unknown = NULL, document = NULL, sbom_digest = NULL
            WHERE scan_report.status NOT IN ('Pending', 'Running');
            """,
            cancellationToken, ("$digest", request.Digest), ("$id", Guid.NewGuid().ToString()), ("$repository", request.Repository),
            ("$now", now.ToUnixTimeMilliseconds()));

    public Task<ScanReportRecord?> ClaimNextAsync(string scannerName, string scannerVersion, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async transaction =>
        {
            await using var claim = transaction.Command(
                $"""
                UPDATE scan_report SET status = 'Running', start_time = $now, scanner_name = $name, scanner_version = $version
                WHERE id = (SELECT id FROM scan_report WHERE status = 'Pending' ORDER BY requested_at, id LIMIT 1)
                RETURNING {Columns};
                """,
                ("$now", now.ToUnixTimeMilliseconds()), ("$name", scannerName), ("$version", scannerVersion));
            return (await claim.ReadAllAsync(Read, cancellationToken)).FirstOrDefault();
        }, cancellationToken);

    public Task<int> RequeueRunningAsync(CancellationToken cancellationToken) =>
        database.WriteAsync(async transaction =>
        {
            await using var command = transaction.Command("UPDATE scan_report SET status = 'Pending', start_time = NULL WHERE status = 'Running';");
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task<bool> CompleteAsync(string reportId, ScanSummaryCounts summary, string document, string? sbomDigest, DateTimeOffset end,
        CancellationToken cancellationToken) =>
        database.WriteAsync(t => t.ChangesAsync(
            """
            UPDATE scan_report SET status = 'Success', end_time = $end, matched_at = start_time, error = NULL,
                severity = $severity, total = $total, fixable = $fixable, critical = $critical, high = $high, medium = $medium,
                low = $low, unknown = $unknown, document = $document, sbom_digest = $sbom
            WHERE report_id = $id AND status = 'Running';
            """,
            cancellationToken,
            [("$id", reportId), ("$end", end.ToUnixTimeMilliseconds()), ("$document", document), ("$sbom", sbomDigest), .. SummaryParameters(summary)]),
            cancellationToken);

    /// <summary>As <see cref="CompleteAsync(string, ScanSummaryCounts, string, string?, DateTimeOffset, CancellationToken)"/>, with no SBOM.</summary>
    public Task<bool> CompleteAsync(string reportId, ScanSummaryCounts summary, string document, DateTimeOffset end, CancellationToken cancellationToken) =>
        CompleteAsync(reportId, summary, document, null, end, cancellationToken);

    /// <summary>As <see cref="UpdateMatchAsync(string, ScanSummaryCounts, string, string?, DateTimeOffset, CancellationToken)"/>, with no SBOM.</summary>
    public Task<bool> UpdateMatchAsync(string reportId, ScanSummaryCounts summary, string document, DateTimeOffset matchedAt, CancellationToken cancellationToken) =>
        UpdateMatchAsync(reportId, summary, document, null, matchedAt, cancellationToken);

    public Task<bool> FailAsync(string reportId, string error, DateTimeOffset end, CancellationToken cancellationToken) =>
        database.WriteAsync(t => t.ChangesAsync(
            """
            UPDATE scan_report SET status = 'Error', end_time = $end, error = $error, severity = NULL, total = NULL, fixable = NULL,
                critical = NULL, high = NULL, medium = NULL, low = NULL, unknown = NULL, document = NULL, sbom_digest = NULL
            WHERE report_id = $id AND status IN ('Running', 'Success');
            """,
            cancellationToken, ("$id", reportId), ("$end", end.ToUnixTimeMilliseconds()), ("$error", error)), cancellationToken);

    public Task<bool> UpdateMatchAsync(string reportId, ScanSummaryCounts summary, string document, string? sbomDigest, DateTimeOffset matchedAt,
        CancellationToken cancellationToken) =>
        database.WriteAsync(t => t.ChangesAsync(
            """
            UPDATE scan_report SET matched_at = $matched, severity = $severity, total = $total, fixable = $fixable, critical = $critical,
                high = $high, medium = $medium, low = $low, unknown = $unknown, document = $document, sbom_digest = $sbom
            WHERE report_id = $id AND status = 'Success';
            """,
            cancellationToken,
            [("$id", reportId), ("$matched", matchedAt.ToUnixTimeMilliseconds()), ("$document", document), ("$sbom", sbomDigest), .. SummaryParameters(summary)]),
            cancellationToken);

    public Task<IReadOnlyList<string>> StopAsync(IReadOnlyCollection<string> digests, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<string>>(async transaction =>
        {
            List<string> stopped = [];
            await using var command = transaction.Command($"{StopSql} AND digest = $digest RETURNING report_id;", ("$now", now.ToUnixTimeMilliseconds()));
            var parameter = command.Parameters.Add("$digest", SqliteType.Text);
            foreach (var digest in digests.Distinct())
            {
                parameter.Value = digest;
                stopped.AddRange(await command.ReadAllAsync(r => r.GetString(0), cancellationToken));
            }
            return stopped;
        }, cancellationToken);

    public Task<IReadOnlyList<string>> StopAllAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<string>>(async transaction =>
        {
            await using var command = transaction.Command($"{StopSql} RETURNING report_id;", ("$now", now.ToUnixTimeMilliseconds()));
            return await command.ReadAllAsync(r => r.GetString(0), cancellationToken);
        }, cancellationToken);

    // Harbor's Stopped report keeps its start time (a stopped Pending one has none) and no result.
    private const string StopSql =
        """
        UPDATE scan_report SET status = 'Stopped', end_time = $now, error = NULL
        WHERE status IN ('Pending', 'Running')
        """;

    public async Task<ScanReportRecord?> FindAsync(string digest, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {Columns} FROM scan_report WHERE digest = $digest;", ("$digest", digest));
        return (await command.ReadAllAsync(Read, cancellationToken)).FirstOrDefault();
    }

    public async Task<IReadOnlyDictionary<string, ScanReportRecord>> FindManyAsync(IReadOnlyCollection<string> digests, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, ScanReportRecord>(StringComparer.Ordinal);
        if (digests.Count == 0) return found;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {Columns} FROM scan_report WHERE digest = $digest;");
        var parameter = command.Parameters.Add("$digest", SqliteType.Text);
        foreach (var digest in digests.Distinct())
        {
            parameter.Value = digest;
            foreach (var report in await command.ReadAllAsync(Read, cancellationToken)) found[report.Digest] = report;
        }
        return found;
    }

    public async Task<StoredScanDocument?> FindDocumentAsync(string digest, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {Columns}, document FROM scan_report WHERE digest = $digest AND status = 'Success' AND document IS NOT NULL;", ("$digest", digest));
        return (await command.ReadAllAsync(ReadWithDocument, cancellationToken)).FirstOrDefault();
    }

    public async Task<IReadOnlyList<StoredScanDocument>> ListMatchedBeforeAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"""
            SELECT {Columns}, document FROM scan_report
            WHERE status = 'Success' AND document IS NOT NULL AND (matched_at IS NULL OR matched_at < $before)
            ORDER BY id LIMIT $limit;
            """,
            ("$before", before.ToUnixTimeMilliseconds()), ("$limit", limit));
        return await command.ReadAllAsync(ReadWithDocument, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, int>> CountByStatusAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT status, count(*) FROM scan_report GROUP BY status;");
        var rows = await command.ReadAllAsync(r => (Status: r.GetString(0), Count: r.GetInt32(1)), cancellationToken);
        return rows.ToDictionary(row => row.Status, row => row.Count, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<ScanCandidate>> ListImageArtifactsAsync(long afterRow, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"""
            SELECT a.id, r.name, a.digest, a.media_type, a.content FROM artifact a JOIN repository r ON r.id = a.repository_id
            WHERE a.id > $after AND a.artifact_type IN ('{MediaTypes.OciImageConfig}', '{MediaTypes.DockerImageConfig}')
            ORDER BY a.id LIMIT $limit;
            """,
            ("$after", afterRow), ("$limit", limit));
        return await command.ReadAllAsync(
            r => new ScanCandidate(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetFieldValue<byte[]>(4)), cancellationToken);
    }

    /// <summary>The summary columns' parameters, shared with external reports (<see cref="SqliteScannerRegistrationStore"/>).</summary>
    internal static (string, object?)[] SummaryParameters(ScanSummaryCounts summary) =>
    [
        ("$severity", summary.Severity), ("$total", summary.Total), ("$fixable", summary.Fixable), ("$critical", summary.Critical),
        ("$high", summary.High), ("$medium", summary.Medium), ("$low", summary.Low), ("$unknown", summary.Unknown),
    ];

    private static StoredScanDocument ReadWithDocument(SqliteDataReader r) => new(Read(r), r.GetString(DocumentOrdinal));

    private static ScanReportRecord Read(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetInt64(4), r.GetString(5),
        Time(r.GetInt64(6)), Time(r, 7), Time(r, 8), Time(r, 9), Text(r, 10), Text(r, 11), Text(r, 12),
        r.IsDBNull(13) ? null : new ScanSummaryCounts(r.GetString(13), r.GetInt32(14), r.GetInt32(15), r.GetInt32(16), r.GetInt32(17),
            r.GetInt32(18), r.GetInt32(19), r.GetInt32(20)),
        Text(r, 21));

    private static string? Text(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
