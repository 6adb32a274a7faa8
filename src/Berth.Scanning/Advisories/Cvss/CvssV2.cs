namespace Berth.Scanning.Advisories.Cvss;

/// <summary>CVSS v2 base score from a vector such as <c>AV:N/AC:L/Au:N/C:P/I:P/A:P</c> (CVSS v2 guide §3.2.1).</summary>
public static class CvssV2
{
    private static readonly string[] BaseMetrics = ["AV", "AC", "Au", "C", "I", "A"];

    /// <summary>The base score (0.0–10.0), or null when <paramref name="vector"/> is not a valid v2 vector.</summary>
    public static double? BaseScore(string? vector)
    {
        if (vector is null) return null;
        var text = vector.Trim();
        if (text.StartsWith('(') && text.EndsWith(')')) text = text[1..^1];
        if (text.StartsWith("CVSS:2.0/", StringComparison.Ordinal)) text = text["CVSS:2.0/".Length..];
        var metrics = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split('/'))
        {
            var colon = part.IndexOf(':');
            if (colon <= 0 || !metrics.TryAdd(part[..colon], part[(colon + 1)..])) return null;
        }
        if (!BaseMetrics.All(metrics.ContainsKey)) return null;

        double? av = metrics["AV"] switch { "L" => 0.395, "A" => 0.646, "N" => 1.0, _ => null };
        double? ac = metrics["AC"] switch { "H" => 0.35, "M" => 0.61, "L" => 0.71, _ => null };
        double? au = metrics["Au"] switch { "M" => 0.45, "S" => 0.56, "N" => 0.704, _ => null };
        var c = Impact(metrics["C"]);
        var i = Impact(metrics["I"]);
        var a = Impact(metrics["A"]);
        if (av is null || ac is null || au is null || c is null || i is null || a is null) return null;

        var impact = 10.41 * (1 - (1 - c.Value) * (1 - i.Value) * (1 - a.Value));
        var exploitability = 20 * av.Value * ac.Value * au.Value;
        var f = impact == 0 ? 0 : 1.176;
        return Math.Round((0.6 * impact + 0.4 * exploitability - 1.5) * f, 1, MidpointRounding.AwayFromZero);
    }

    private static double? Impact(string value) => value switch { "N" => 0.0, "P" => 0.275, "C" => 0.660, _ => null };
}
