using System.Text.Json;
using System.Text.RegularExpressions;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Tests.Matching;

/// <summary>
/// The package lists of shared/testdata/packages fixtures, read with just enough test-local parsing (the real
/// analyzers belong to another module) or taken from the facts SOURCES.md states (the Go binary's versions).
/// </summary>
internal static partial class FixturePackages
{
    private static Package Pkg(Ecosystem ecosystem, string name, string version, string file) =>
        new() { Name = name, Version = version, Ecosystem = ecosystem, FilePath = file };

    /// <summary>go/binary/executable_gobinary, per SOURCES.md: built with go1.15.2, three dependencies.</summary>
    public static IReadOnlyList<Package> GoBinary() =>
    [
        Pkg(Ecosystem.Go, "stdlib", "v1.15.2", "go/binary/executable_gobinary"),
        Pkg(Ecosystem.Go, "github.com/aquasecurity/go-pep440-version", "v0.0.0-20210121094942-22b2f8951d46", "go/binary/executable_gobinary"),
        Pkg(Ecosystem.Go, "github.com/aquasecurity/go-version", "v0.0.0-20210121072130-637058cfe492", "go/binary/executable_gobinary"),
        Pkg(Ecosystem.Go, "golang.org/x/xerrors", "v0.0.0-20200804184101-5ec99f83aff1", "go/binary/executable_gobinary"),
    ];

    /// <summary>go/gomod/go.mod: requires, and stdlib at the toolchain line's version (trivy's semantics).</summary>
    public static IReadOnlyList<Package> GoMod()
    {
        const string file = "go/gomod/go.mod";
        var packages = new List<Package>();
        foreach (var raw in File.ReadLines(TestData.Path("packages", file)))
        {
            var line = raw.Split("//")[0].Trim();
            if (line.StartsWith("toolchain go", StringComparison.Ordinal)) packages.Add(Pkg(Ecosystem.Go, "stdlib", line["toolchain go".Length..], file));
            var require = GoRequire().Match(line);
            if (require.Success) packages.Add(Pkg(Ecosystem.Go, require.Groups[1].Value, require.Groups[2].Value, file));
        }
        return packages;
    }

    /// <summary>Name/version of every [[package]] in a Cargo.lock (registry crates only) or poetry.lock.</summary>
    public static IReadOnlyList<Package> TomlLock(Ecosystem ecosystem, string file, bool registryOnly)
    {
        var packages = new List<Package>();
        string? name = null, version = null, source = null;
        void Flush()
        {
            if (name is not null && version is not null && (!registryOnly || source?.StartsWith("registry+", StringComparison.Ordinal) == true))
                packages.Add(Pkg(ecosystem, name, version, file));
            name = version = source = null;
        }
        foreach (var line in File.ReadLines(TestData.Path("packages", file)))
        {
            if (line.StartsWith("[", StringComparison.Ordinal)) Flush();
            var pair = TomlString().Match(line);
            if (!pair.Success) continue;
            switch (pair.Groups[1].Value)
            {
                case "name": name ??= pair.Groups[2].Value; break;
                case "version": version ??= pair.Groups[2].Value; break;
                case "source": source ??= pair.Groups[2].Value; break;
            }
        }
        Flush();
        return packages;
    }

    /// <summary>The <c>name==version</c> pins of a requirements.txt.</summary>
    public static IReadOnlyList<Package> Requirements(string file) =>
    [
        .. File.ReadLines(TestData.Path("packages", file))
            .Select(l => Pin().Match(l.Split('#')[0]))
            .Where(m => m.Success)
            .Select(m => Pkg(Ecosystem.PyPI, m.Groups[1].Value, m.Groups[2].Value, file)),
    ];

    public static IReadOnlyList<Package> PipfileLock(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(TestData.Path("packages", file)));
        return
        [
            .. new[] { "default", "develop" }
                .SelectMany(section => document.RootElement.GetProperty(section).EnumerateObject())
                .Select(p => Pkg(Ecosystem.PyPI, p.Name, p.Value.GetProperty("version").GetString()!.TrimStart('='), file)),
        ];
    }

    /// <summary>Name and Version headers of every METADATA / PKG-INFO under a site-packages folder.</summary>
    public static IReadOnlyList<Package> SitePackages(string folder) =>
    [
        .. Directory.EnumerateFiles(TestData.Path("packages", folder), "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is "METADATA" or "PKG-INFO")
            .Order(StringComparer.Ordinal)
            .Select(f =>
            {
                var headers = File.ReadLines(f).TakeWhile(l => l.Length > 0).Select(l => l.Split(": ", 2)).Where(p => p.Length == 2).ToList();
                return Pkg(Ecosystem.PyPI, headers.First(h => h[0] == "Name")[1], headers.First(h => h[0] == "Version")[1], f);
            }),
    ];

    /// <summary>Packages of an apk installed database: P name, V version, o origin (the source name secdb is keyed by).</summary>
    public static IReadOnlyList<Package> ApkInstalled(string file)
    {
        var packages = new List<Package>();
        var fields = new Dictionary<char, string>();
        foreach (var line in File.ReadLines(TestData.Path("packages", file)).Append(""))
        {
            if (line.Length == 0)
            {
                if (fields.TryGetValue('P', out var name) && fields.TryGetValue('V', out var version))
                    packages.Add(new Package
                    {
                        Name = name, Version = version, Ecosystem = Ecosystem.Alpine, SourceName = fields.GetValueOrDefault('o', name),
                        SourceVersion = version, FilePath = file, LayerDiffId = "sha256:layer-of-" + name,
                    });
                fields.Clear();
            }
            else if (line.Length > 2 && line[1] == ':')
            {
                fields.TryAdd(line[0], line[2..]);
            }
        }
        return packages;
    }

    [GeneratedRegex(@"^(?:require\s+)?([a-z0-9.\-]+\.[a-z]+/[^\s]+)\s+(v[^\s]+)$")]
    private static partial Regex GoRequire();

    [GeneratedRegex("""^(\w+)\s*=\s*"([^"]*)"\s*$""")]
    private static partial Regex TomlString();

    [GeneratedRegex(@"^\s*([A-Za-z0-9_.\-]+)\s*==\s*([^\s;]+)")]
    private static partial Regex Pin();
}
