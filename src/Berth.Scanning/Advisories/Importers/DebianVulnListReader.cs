using System.Text.Json;
using System.Text.Json.Nodes;
using static Berth.Scanning.Advisories.Importers.JsonFields;

namespace Berth.Scanning.Advisories.Importers;

/// <summary>
/// Reads the Debian security tracker as aquasecurity/vuln-list lays it out, a folder read as a whole:
/// <c>distributions.json</c> (codename → major-version), <c>source/</c> and <c>updates-source/&lt;codename&gt;/…/*.json</c>
/// (Sources stanzas, one object or an array, <c>Package</c>/<c>Version</c> as lists), and <c>CVE/</c>, <c>DLA/</c>,
/// <c>DSA/</c> files of parsed annotations (<c>Header.ID</c>, <c>Annotations[]</c> with Type, Release, Package, Kind,
/// Version, Severity, Bugs). A file that cannot be read is reported and the rest still import; without a readable
/// distributions.json the known Debian codenames stand in.
/// </summary>
internal static class DebianVulnListReader
{
    private const string DistributionsFile = "distributions.json";

    /// <summary>A tracker folder is one holding distributions.json (the file only this layout has).</summary>
    public static bool IsTrackerFolder(string directory) => File.Exists(Path.Combine(directory, DistributionsFile));

    /// <param name="error">Called with a file path and what is wrong with it.</param>
    /// <returns>The advisories and how many annotation files were read.</returns>
    public static async Task<(IReadOnlyList<Advisory> Advisories, int Documents)> ReadAsync(
        string directory, int maxDocumentBytes, Action<string, string> error, CancellationToken cancellationToken)
    {
        var annotations = new DebianVulnListAnnotations();
        async Task<JsonNode?> Load(string path, string consequence = "")
        {
            try
            {
                var length = new FileInfo(path).Length;
                if (length > maxDocumentBytes)
                {
                    error(path, $"the document has {length} bytes, more than the limit of {maxDocumentBytes}{consequence}");
                    return null;
                }
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
                return await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken);
            }
            catch (JsonException e)
            {
                error(path, $"malformed Debian tracker JSON: {e.Message}{consequence}");
            }
            catch (IOException e)
            {
                error(path, e.Message + consequence);
            }
            catch (UnauthorizedAccessException e)
            {
                error(path, e.Message + consequence);
            }
            return null;
        }

        var distributionsPath = Path.Combine(directory, DistributionsFile);
        const string fallback = "; the known Debian releases are used instead";
        var distributionsNode = await Load(distributionsPath, fallback);
        var distributions = Object(distributionsNode);
        if (distributions is null)
        {
            if (distributionsNode is not null) error(distributionsPath, "not a codename → major-version map" + fallback);
            foreach (var (codename, major) in DebianReleases.Known) annotations.AddRelease(codename, major);
        }
        else
        {
            // sid has an empty major version: it is not a release to match by.
            foreach (var (codename, release) in distributions)
                if (Text(release, "major-version")?.Trim() is { Length: > 0 } major) annotations.AddRelease(codename, major);
        }

        foreach (var folder in new[] { "source", "updates-source" })
        {
            foreach (var codename in annotations.Codenames)
            {
                foreach (var path in JsonFiles(Path.Combine(directory, folder, codename)))
                {
                    var node = await Load(path);
                    IEnumerable<JsonNode?> stanzas = node is JsonArray array ? array : [node];
                    foreach (var stanza in stanzas)
                        if (First(stanza, "Package") is { } package && First(stanza, "Version") is { } version)
                            annotations.AddArchiveVersion(codename, package, version);
                }
            }
        }

        var documents = 0;
        foreach (var kind in new[] { "CVE", "DLA", "DSA" })
        {
            foreach (var path in JsonFiles(Path.Combine(directory, kind)))
            {
                if (await Load(path) is not { } bug) continue;
                var id = Text(Object(bug, "Header"), "ID")?.Trim();
                if (string.IsNullOrEmpty(id))
                {
                    error(path, "Debian tracker entry without Header.ID");
                    continue;
                }
                documents++;
                if (kind == "CVE") ReadCve(annotations, id, bug);
                else ReadAdvisory(annotations, id, bug);
            }
        }
        return ([.. annotations.Advisories()], documents);
    }

    private static void ReadCve(DebianVulnListAnnotations annotations, string id, JsonNode bug)
    {
        annotations.AddSummary(id, Summary(bug));
        foreach (var line in Array(bug, "Annotations"))
        {
            if (Text(line, "Type") != "package" || Text(line, "Package")?.Trim() is not { Length: > 0 } package) continue;
            annotations.AddCveLine(id, Text(line, "Release")?.Trim() ?? "", package, Text(line, "Kind")?.Trim() ?? "", Text(line, "Version"), Text(line, "Severity"));
        }
    }

    /// <summary>A DLA/DSA: its package lines fix the CVEs of the xref line before them, or the DLA/DSA itself when it names none.</summary>
    private static void ReadAdvisory(DebianVulnListAnnotations annotations, string id, JsonNode bug)
    {
        IReadOnlyList<string> ids = [];
        foreach (var line in Array(bug, "Annotations"))
        {
            if (Text(line, "Type") == "xref")
            {
                ids = Texts(line, "Bugs");
                continue;
            }
            if (Text(line, "Type") != "package" || Text(line, "Package")?.Trim() is not { Length: > 0 } package) continue;
            var release = Text(line, "Release")?.Trim() ?? "";
            if (ids.Count == 0) annotations.AddSummary(id, Summary(bug));
            foreach (var fixedId in ids.Count > 0 ? ids : [id])
                annotations.AddAdvisoryLine(fixedId, release, package, Text(line, "Kind")?.Trim() ?? "", Text(line, "Version"));
        }
    }

    /// <summary>The header's description without the parentheses the tracker wraps CVE descriptions in.</summary>
    private static string? Summary(JsonNode bug)
    {
        var description = Text(Object(bug, "Header"), "Description")?.Trim();
        if (description is { Length: >= 2 } && description[0] == '(' && description[^1] == ')') description = description[1..^1].Trim();
        return description;
    }

    /// <summary>A Sources field: vuln-list writes each as a list; a plain string is taken as well.</summary>
    private static string? First(JsonNode? stanza, string field) =>
        (Object(stanza)?[field] is JsonArray list ? Text(list.FirstOrDefault()) : Text(stanza, field))?.Trim() is { Length: > 0 } value ? value : null;

    private static IEnumerable<string> JsonFiles(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.json", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }).Order(StringComparer.Ordinal)
            : [];
}
