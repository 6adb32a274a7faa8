namespace Berth.Jobs.Scanning;

/// <summary>The <c>Scanner</c> configuration section, checked at start.</summary>
public sealed class ScannerOptions
{
    public const string Section = "Scanner";

    /// <summary>Scans run in this process; false leaves reports as they are and refuses new scan requests.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Scans that run at once. One by default: a scan is CPU-bound (decompression) and shares the cores with serving.</summary>
    public int Workers { get; set; } = 1;

    /// <summary>How often the advisory database is checked for a new import, after which every stored report is re-matched.</summary>
    public TimeSpan RematchInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often a running scan reads its report row to learn that it was stopped through another replica (a stop
    /// asked of the process running the scan cancels it at once).
    /// </summary>
    public TimeSpan StopCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often the scan-all schedule is read again between its occurrences, so a schedule set through another replica
    /// is followed; an occurrence fires at most this late.
    /// </summary>
    public TimeSpan ScheduleCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The message naming the wrong key, or null when the section is valid.</summary>
    public string? Validate()
    {
        if (Workers is < 1 or > 64) return $"{Section}:Workers is {Workers}; expected 1 to 64";
        if (RematchInterval < TimeSpan.FromSeconds(1) || RematchInterval > TimeSpan.FromDays(1))
            return $"{Section}:RematchInterval is {RematchInterval}; expected between 00:00:01 and 1.00:00:00";
        if (StopCheckInterval < TimeSpan.FromMilliseconds(100) || StopCheckInterval > TimeSpan.FromMinutes(5))
            return $"{Section}:StopCheckInterval is {StopCheckInterval}; expected between 00:00:00.1 and 00:05:00";
        if (ScheduleCheckInterval < TimeSpan.FromMilliseconds(100) || ScheduleCheckInterval > TimeSpan.FromMinutes(5))
            return $"{Section}:ScheduleCheckInterval is {ScheduleCheckInterval}; expected between 00:00:00.1 and 00:05:00";
        return null;
    }
}
