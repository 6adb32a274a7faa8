using System.Globalization;
using System.Text.RegularExpressions;

namespace Berth.Policy.Admission;

/// <summary>
/// The time a decision may take: ~80% of the API server's <c>?timeout=</c> (a Go duration such as <c>10s</c> or
/// <c>1m30s</c>), so Berth answers with a deliberate denial before the API server gives up and its
/// <c>failurePolicy</c> decides instead.
/// </summary>
public static partial class AdmissionDeadline
{
    public const double Share = 0.8;

    /// <summary>The API server's limit for <c>timeoutSeconds</c>.</summary>
    public static TimeSpan Longest { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The timeout the request names, or <paramref name="fallback"/> when it names none or an unreadable one.</summary>
    public static TimeSpan Timeout(string? query, TimeSpan fallback)
    {
        if (string.IsNullOrEmpty(query) || !GoDuration().IsMatch(query)) return fallback;
        var total = TimeSpan.Zero;
        foreach (Match part in GoPart().Matches(query))
        {
            var value = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            total += part.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(value),
                "m" => TimeSpan.FromMinutes(value),
                "s" => TimeSpan.FromSeconds(value),
                "ms" => TimeSpan.FromMilliseconds(value),
                "us" or "µs" => TimeSpan.FromMicroseconds(value),
                _ => TimeSpan.FromTicks((long)(value / 100)),
            };
        }
        if (total <= TimeSpan.Zero) return fallback;
        return total > Longest ? Longest : total;
    }

    /// <summary>The internal deadline for a request timeout.</summary>
    public static TimeSpan For(TimeSpan timeout) => timeout * Share;

    [GeneratedRegex(@"^(?:[0-9]+(?:\.[0-9]+)?(?:h|m|s|ms|us|µs|ns))+\z", RegexOptions.CultureInvariant)]
    private static partial Regex GoDuration();

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)(h|ms|m|s|us|µs|ns)", RegexOptions.CultureInvariant)]
    private static partial Regex GoPart();
}
