using Berth.Metadata.Scans;
using Microsoft.Data.Sqlite;
using static Berth.Metadata.Sqlite.SqliteCommands;

namespace Berth.Metadata.Sqlite;

/// <summary><see cref="IScanAllScheduleStore"/> on SQLite: the single row of <c>scan_all_schedule</c> (migration 9).</summary>
public sealed class SqliteScanAllScheduleStore(SqliteDatabase database) : IScanAllScheduleStore
{
    public async Task<ScanAllScheduleRecord?> FindAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT type, cron, created_at, updated_at, last_fired_at FROM scan_all_schedule WHERE id = 1;");
        return (await command.ReadAllAsync(Read, cancellationToken)).FirstOrDefault();
    }

    public Task SaveAsync(string type, string cron, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(t => t.ChangesAsync(
            """
            INSERT INTO scan_all_schedule (id, type, cron, created_at, updated_at, last_fired_at) VALUES (1, $type, $cron, $now, $now, NULL)
            ON CONFLICT (id) DO UPDATE SET type = excluded.type, cron = excluded.cron, updated_at = excluded.updated_at, last_fired_at = NULL;
            """,
            cancellationToken, ("$type", type), ("$cron", cron), ("$now", now.ToUnixTimeMilliseconds())), cancellationToken);

    public Task<bool> DeleteAsync(CancellationToken cancellationToken) =>
        database.WriteAsync(t => t.ChangesAsync("DELETE FROM scan_all_schedule WHERE id = 1;", cancellationToken), cancellationToken);

    public Task<bool> ClaimOccurrenceAsync(ScanAllScheduleRecord seen, DateTimeOffset occurrence, CancellationToken cancellationToken) =>
        database.WriteAsync(t => t.ChangesAsync(
            """
            UPDATE scan_all_schedule SET last_fired_at = $occurrence
            WHERE id = 1 AND cron = $cron AND updated_at = $updated AND last_fired_at IS $fired AND $occurrence > coalesce(last_fired_at, -1);
            """,
            cancellationToken, ("$occurrence", occurrence.ToUnixTimeMilliseconds()), ("$cron", seen.Cron),
            ("$updated", seen.UpdatedAt.ToUnixTimeMilliseconds()), ("$fired", Milliseconds(seen.LastFiredAt))), cancellationToken);

    private static ScanAllScheduleRecord Read(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), Time(r.GetInt64(2)), Time(r.GetInt64(3)), Time(r, 4));
}
