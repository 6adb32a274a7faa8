namespace Berth.Scanning.Advisories.Cvss;

/// <summary>
/// CVSS v3.0/v3.1 base score from a vector string, by the specification's formula (v3.1 §7.1) with its
/// integer-based Roundup so that floating-point noise never lifts a score by 0.1.
/// </summary>
public static class CvssV3
{
    private static readonly string[] BaseMetrics = ["AV", "AC", "PR", "UI", "S", "C", "I", "A"];

    /// <summary>The base score (0.0–10.0), or null when <paramref name="vector"/> is not a valid v3.x vector.</summary>
    public static double? BaseScore(string? vector)
    {
        if (vector is null) return null;
        var metrics = Parse(vector);
        if (metrics is null) return null;

        var changed = metrics["S"] == "C";
        double? av = metrics["AV"] switch { "N" => 0.85, "A" => 0.62, "L" => 0.55, "P" => 0.2, _ => null };
        double? ac = metrics["AC"] switch { "L" => 0.77, "H" => 0.44, _ => null };
        double? pr = metrics["PR"] switch { "N" => 0.85, "L" => changed ? 0.68 : 0.62, "H" => changed ? 0.5 : 0.27, _ => null };
        double? ui = metrics["UI"] switch { "N" => 0.85, "R" => 0.62, _ => null };
        var c = Impact(metrics["C"]);
        var i = Impact(metrics["I"]);
        var a = Impact(metrics["A"]);
        if (av is null || ac is null || pr is null || ui is null || c is null || i is null || a is null) return null;
        if (metrics["S"] is not ("U" or "C")) return null;

        var iss = 1 - (1 - c.Value) * (1 - i.Value) * (1 - a.Value);
        var impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.Pow(iss - 0.02, 15) : 6.42 * iss;
        var exploitability = 8.22 * av.Value * ac.Value * pr.Value * ui.Value;
        if (impact <= 0) return 0.0;
        return changed
            ? Roundup(Math.Min(1.08 * (impact + exploitability), 10))
            : Roundup(Math.Min(impact + exploitability, 10));
    }

    /// <summary>
    /// The smallest number with one decimal that is ≥ <paramref name="value"/>, computed on integers
    /// (CVSS v3.1 Appendix A) so that e.g. 4.000000000000001 rounds to 4.0, not 4.1.
    /// </summary>
    public static double Roundup(double value)
    {
        var scaled = (long)Math.Round(value * 100000);
        return scaled % 10000 == 0 ? scaled / 100000.0 : (Math.Floor(scaled / 10000.0) + 1) / 10.0;
    }

    private static double? Impact(string value) => value switch { "H" => 0.56, "L" => 0.22, "N" => 0.0, _ => null };

    /// <summary>Metric → value, or null when the prefix is wrong, a metric repeats or a base metric is missing.</summary>
    private static Dictionary<string, string>? Parse(string vector)
    {
        var parts = vector.Trim().Split('/');
        if (parts.Length < 9 || parts[0] is not ("CVSS:3.0" or "CVSS:3.1")) return null;
        var metrics = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts.Skip(1))
        {
            var colon = part.IndexOf(':');
            if (colon <= 0 || colon == part.Length - 1) return null;
            // Temporal and environmental metrics may follow; they do not change the base score.
            if (!metrics.TryAdd(part[..colon], part[(colon + 1)..])) return null;
        }
        return BaseMetrics.All(metrics.ContainsKey) ? metrics : null;
    }
}
