using Berth.Scanning.Packages;

namespace Berth.Scanning.Analyzers.Language;

/// <summary>
/// The <c>[[package]]</c> tables of a TOML lock file (Cargo.lock, poetry.lock), read line by line: each
/// table's top-level <c>key = "string"</c> pairs until the next table header. Arrays, inline tables and
/// sub-tables such as <c>[package.dependencies]</c> are not needed for package identity and are skipped.
/// </summary>
public static class TomlPackageTables
{
    /// <summary>Every table with a name and a version, as a package of <paramref name="ecosystem"/> recorded in <paramref name="filePath"/>.</summary>
    public static IEnumerable<Package> ReadPackages(string text, Ecosystem ecosystem, string filePath) =>
        Read(text)
            .Where(table => table.ContainsKey("name") && table.ContainsKey("version"))
            .Select(table => new Package { Name = table["name"], Version = table["version"], Ecosystem = ecosystem, FilePath = filePath });

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string text)
    {
        var tables = new List<IReadOnlyDictionary<string, string>>();
        Dictionary<string, string>? current = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line[0] == '[')
            {
                current = null;
                if (line == "[[package]]")
                {
                    current = new Dictionary<string, string>(StringComparer.Ordinal);
                    tables.Add(current);
                }
                continue;
            }
            if (current is null) continue;

            var equals = line.IndexOf('=');
            if (equals <= 0) continue;
            var key = line[..equals].Trim().Trim('"');
            var value = line[(equals + 1)..].Trim();
            if (value.Length >= 2 && value[0] is '"' or '\'' && value.IndexOf(value[0], 1) is var end and > 0)
                current.TryAdd(key, value[1..end]);
        }
        return tables;
    }
}
