using System.Text.Json.Nodes;

namespace Berth.IntegrationTests.Cli;

/// <summary>The parts of a Harbor vulnerability report (<c>--format harbor</c>) the tests read: one row per vulnerability.</summary>
public sealed record HarborReport(string Severity, IReadOnlyList<(string Id, string Package, string Version, string FixVersion, string Severity)> Vulnerabilities)
{
    public static HarborReport Parse(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var rows = root["vulnerabilities"]!.AsArray()
            .Select(v => (
                v!["id"]!.GetValue<string>(),
                v["package"]!.GetValue<string>(),
                v["version"]!.GetValue<string>(),
                v["fix_version"]?.GetValue<string>() ?? "",
                v["severity"]!.GetValue<string>()))
            .ToList();
        return new HarborReport(root["severity"]!.GetValue<string>(), rows);
    }
}
