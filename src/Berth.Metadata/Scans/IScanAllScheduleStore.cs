namespace Berth.Metadata.Scans;

/// <summary>
/// The one scan-all schedule, kept in the database so it survives restarts and every replica sees the same one.
/// </summary>
public interface IScanAllScheduleStore
{
    Task<ScanAllScheduleRecord?> FindAsync(CancellationToken cancellationToken);

    /// <summary>Creates or replaces the schedule; its firing starts over from <paramref name="now"/>.</summary>
    Task SaveAsync(string type, string cron, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Removes the schedule (Harbor's type None); false when there was none.</summary>
    Task<bool> DeleteAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records that the occurrence <paramref name="occurrence"/> of the schedule as it was read (<paramref name="seen"/>)
    /// is fired. True for exactly one caller: the row changes only when it still holds what <paramref name="seen"/>
    /// says, so of several processes racing for one occurrence one wins, and a schedule changed meanwhile is not fired.
    /// </summary>
    Task<bool> ClaimOccurrenceAsync(ScanAllScheduleRecord seen, DateTimeOffset occurrence, CancellationToken cancellationToken);
}
