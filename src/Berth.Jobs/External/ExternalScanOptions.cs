namespace Berth.Jobs.External;

/// <summary>The <c>Scanner:External</c> section: how Berth uses a registered external scanner adapter.</summary>
public sealed class ExternalScanOptions
{
    public const string Section = "Scanner:External";

    /// <summary>
    /// Berth's registry URL as the adapter reaches it, sent in each scan request. Unset: <c>Server:ExternalUrl</c>,
    /// else the listen address (0.0.0.0 read as 127.0.0.1).
    /// </summary>
    public string? RegistryUrl { get; set; }

    /// <summary>How long a scan may take at the adapter before Berth gives up (Harbor: 30 minutes).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The longest wait between polls, whatever <c>Refresh-After</c> says.</summary>
    public TimeSpan MaxRefreshAfter { get; set; } = TimeSpan.FromSeconds(30);
}
