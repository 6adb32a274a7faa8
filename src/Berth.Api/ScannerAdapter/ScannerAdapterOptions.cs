namespace Berth.Api.ScannerAdapter;

/// <summary>
/// The <c>ScannerAdapter</c> section: Berth serving Harbor's Pluggable Scanner Adapter API under <c>/api/v1</c>.
/// Without an <see cref="ApiKey"/> the API is not served at all (404): its scans make Berth fetch from whatever
/// registry URL the caller names, so it is never open to anonymous callers.
/// </summary>
public sealed class ScannerAdapterOptions
{
    public const string Section = "ScannerAdapter";

    /// <summary>
    /// The secret a Harbor registration sends: as <c>Authorization: Bearer KEY</c>, as the
    /// <c>X-ScannerAdapter-API-Key</c> header, or as the password of <c>Authorization: Basic</c>.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>Adapter scans that run at once (they share the cores with serving and the registry's own scans).</summary>
    public int Workers { get; set; } = 1;

    /// <summary>Scans kept in memory, queued, running or finished; a request beyond it is refused until some expire.</summary>
    public int MaxScans { get; set; } = 1000;

    /// <summary>How long a finished scan's report can be fetched. Harbor keeps its own copy once it has it.</summary>
    public TimeSpan ReportLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one scan may take, pulling included; Harbor gives up after 30 minutes.</summary>
    public TimeSpan ScanTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The <c>Refresh-After</c> a 302 carries. Harbor parses it as a signed byte, so at most 127 seconds.</summary>
    public TimeSpan RefreshAfter { get; set; } = TimeSpan.FromSeconds(2);

    public bool Enabled => !string.IsNullOrEmpty(ApiKey);

    /// <summary>The message naming the wrong key, or null when the section is valid.</summary>
    public string? Validate()
    {
        if (ApiKey is { Length: > 0 and < 16 }) return $"{Section}:ApiKey is {ApiKey.Length} characters; use at least 16";
        if (Workers is < 1 or > 16) return $"{Section}:Workers is {Workers}; expected 1 to 16";
        if (MaxScans is < 1 or > 100_000) return $"{Section}:MaxScans is {MaxScans}; expected 1 to 100000";
        if (ReportLifetime < TimeSpan.FromMinutes(1) || ReportLifetime > TimeSpan.FromDays(7))
            return $"{Section}:ReportLifetime is {ReportLifetime}; expected between 00:01:00 and 7.00:00:00";
        if (ScanTimeout < TimeSpan.FromSeconds(10) || ScanTimeout > TimeSpan.FromHours(6))
            return $"{Section}:ScanTimeout is {ScanTimeout}; expected between 00:00:10 and 06:00:00";
        if (RefreshAfter < TimeSpan.FromSeconds(1) || RefreshAfter > TimeSpan.FromSeconds(127))
            return $"{Section}:RefreshAfter is {RefreshAfter}; expected between 00:00:01 and 00:02:07";
        return null;
    }
}
