using System.Globalization;

namespace Berth.Scanning.Reports.Formats;

/// <summary>Times as the formats write them: RFC 3339 in UTC with a Z.</summary>
public static class ReportTimestamps
{
    /// <summary>With the fraction when there is one (Trivy, Harbor, CycloneDX).</summary>
    public static string Precise(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>Whole seconds: SPDX 2.3's schema allows no fraction.</summary>
    public static string Seconds(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
