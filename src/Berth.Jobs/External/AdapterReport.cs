using System.Text.Json.Nodes;

namespace Berth.Jobs.External;

/// <summary>One poll of an adapter's report: the report, a wait before asking again, or the reason the scan failed.</summary>
public sealed record AdapterReport(JsonObject? Report, string? MediaType, TimeSpan? RetryAfter, string? Error)
{
    public static AdapterReport Ready(JsonObject report, string mediaType) => new(report, mediaType, null, null);

    public static AdapterReport Wait(TimeSpan delay) => new(null, null, delay, null);

    public static AdapterReport Failed(string error) => new(null, null, null, error);
}
