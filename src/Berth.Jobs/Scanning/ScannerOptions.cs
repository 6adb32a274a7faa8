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

    /// <summary>The message naming the wrong key, or null when the section is valid.</summary>
    public string? Validate()
    {
        if (Workers is < 1 or > 64) return $"{Section}:Workers is {Workers}; expected 1 to 64";
        if (RematchInterval < TimeSpan.FromSeconds(1) || RematchInterval > TimeSpan.FromDays(1))
            return $"{Section}:RematchInterval is {RematchInterval}; expected between 00:00:01 and 1.00:00:00";
        return null;
    }
}
