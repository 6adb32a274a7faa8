using System.Text.RegularExpressions;

namespace Berth.Scanning.Analyzers.Language.Java;

/// <summary>
/// The three ways a jar says what it is, most trusted first: <c>META-INF/maven/**/pom.properties</c>
/// (written by Maven itself), <c>META-INF/MANIFEST.MF</c> attributes, and the file name
/// (<c>name-1.2.3.jar</c>).
/// </summary>
public static partial class JarIdentity
{
    public static MavenCoordinates? FromPomProperties(string text)
    {
        string? group = null, artifact = null, version = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] is '#' or '!') continue;
            var separator = line.IndexOfAny(['=', ':']);
            if (separator <= 0) continue;
            var value = line[(separator + 1)..].Trim();
            switch (line[..separator].Trim())
            {
                case "groupId": group = value; break;
                case "artifactId": artifact = value; break;
                case "version": version = value; break;
            }
        }
        var coordinates = new MavenCoordinates(group, artifact ?? "", version ?? "");
        return coordinates.Valid ? coordinates : null;
    }

    /// <summary>
    /// Group from Implementation-Vendor-Id, else Bundle-SymbolicName minus its last segment (OSGi names are
    /// usually group.artifact); artifact from Implementation-Title, Specification-Title or Bundle-Name; version
    /// from Implementation-, Specification- or Bundle-Version. Vendor display names are not group ids and are
    /// not used.
    /// </summary>
    public static MavenCoordinates? FromManifest(string text)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0) break; // the main section ends at the first blank line
            if (line[0] == ' ' && last is not null)
            {
                attributes[last] += line[1..];
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            last = line[..colon].Trim();
            attributes[last] = line[(colon + 1)..].Trim();
        }

        string? Get(string key) => attributes.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
        var group = Get("Implementation-Vendor-Id");
        if (group is null && Get("Bundle-SymbolicName") is { } symbolic)
        {
            symbolic = symbolic.Split(';')[0].Trim();
            var dot = symbolic.LastIndexOf('.');
            group = dot > 0 ? symbolic[..dot] : null;
        }
        var artifact = Get("Implementation-Title") ?? Get("Specification-Title") ?? Get("Bundle-Name");
        var version = Get("Implementation-Version") ?? Get("Specification-Version") ?? Get("Bundle-Version");
        var coordinates = new MavenCoordinates(group, artifact ?? "", version ?? "");
        return coordinates.Valid ? coordinates : null;
    }

    public static MavenCoordinates? FromFileName(string fileName)
    {
        var match = FileNamePattern().Match(fileName);
        return match.Success ? new MavenCoordinates(null, match.Groups[1].Value, match.Groups[2].Value) : null;
    }

    [GeneratedRegex(@"^([a-zA-Z0-9\._-]*[^-*])-(\d\S*(?:-SNAPSHOT)?)\.(?:jar|war|ear|par)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileNamePattern();
}
