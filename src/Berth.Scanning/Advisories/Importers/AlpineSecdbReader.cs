using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static Berth.Scanning.Advisories.Importers.JsonFields;

namespace Berth.Scanning.Advisories.Importers;

/// <summary>
/// Reads Alpine secdb: a branch file <c>{distroversion, packages: [{pkg: {name, secfixes}}]}</c> (YAML in the
/// alpine-secdb repository, JSON on secdb.alpinelinux.org) or one package per file
/// <c>{name, secfixes, distroversion}</c> (vuln-list). <c>secfixes</c> maps a fixed apk version to the ids it
/// fixes; an installed version below it, in the same branch and origin, is affected. Fixed version "0" means
/// "never affected in this branch" and yields nothing.
/// </summary>
public static partial class AlpineSecdbReader
{
    public static bool IsSecdb(JsonNode? node) =>
        Object(node) is { } o && (o.ContainsKey("distroversion") && o.ContainsKey("packages") || o.ContainsKey("secfixes") && o.ContainsKey("name"));

    /// <summary>One advisory per (package, id); null with <paramref name="error"/> when the branch or a list is malformed.</summary>
    public static IReadOnlyList<Advisory>? Read(JsonNode? node, out string? error)
    {
        error = null;
        var branch = Text(node, "distroversion")?.Trim();
        if (string.IsNullOrEmpty(branch))
        {
            error = "Alpine secdb without distroversion";
            return null;
        }
        var ecosystem = "Alpine:" + (branch.StartsWith('v') ? branch : "v" + branch);

        List<JsonNode?> packages = Object(node)!.ContainsKey("secfixes") ? [node] : [.. Array(node, "packages").Select(p => Object(p, "pkg"))];
        var advisories = new List<Advisory>();
        foreach (var package in packages)
        {
            var name = Text(package, "name");
            if (string.IsNullOrWhiteSpace(name)) continue;
            if (Object(package, "secfixes") is not { } secfixes) continue;
            var fixesById = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var (fixedVersion, ids) in secfixes)
            {
                if (ids is not JsonArray list)
                {
                    if (ids is null) continue;
                    error = $"secfixes of {name} {fixedVersion} is not a list";
                    return null;
                }
                if (fixedVersion.Trim() == "0") continue;
                foreach (var id in list.Select(Text).OfType<string>().Select(IdOf).OfType<string>())
                {
                    if (!fixesById.TryGetValue(id, out var versions)) fixesById[id] = versions = [];
                    versions.Add(fixedVersion.Trim());
                }
            }
            foreach (var (id, versions) in fixesById)
            {
                // All fixes in one range: the walk leaves a version affected only below the first fix.
                List<RangeEvent> events = [new(RangeEventKind.Introduced, "0"), .. versions.Select(v => new RangeEvent(RangeEventKind.Fixed, v))];
                advisories.Add(new Advisory
                {
                    Id = id,
                    Source = AdvisorySource.AlpineSecdb.Name,
                    Affected = [new AffectedPackage { Ecosystem = ecosystem, Name = name.Trim(), Ranges = [new AffectedRange(RangeType.Ecosystem, events)] }],
                });
            }
        }
        return advisories;
    }

    /// <summary>
    /// The id in an entry that may carry extra words ("CVE-2017-2616 (+ regression fix)", "CVE-2019-5060 TALOS-2019-0844",
    /// "CVE 2018-16859"): the first CVE, else the first GHSA, else none.
    /// </summary>
    public static string? IdOf(string entry)
    {
        var cve = Cve().Match(entry);
        if (cve.Success) return $"CVE-{cve.Groups[1].Value}-{cve.Groups[2].Value}";
        var ghsa = Ghsa().Match(entry);
        return ghsa.Success ? ghsa.Value : null;
    }

    [GeneratedRegex(@"CVE[-_ ](\d{4})-(\d{4,})")]
    private static partial Regex Cve();

    [GeneratedRegex(@"GHSA(-[0-9a-z]{4}){3}")]
    private static partial Regex Ghsa();
}
