using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Analyzers.Language.Go;

/// <summary>
/// <c>go.mod</c> (directory scans only): every <c>require</c>, with <c>replace</c> directives applied (a
/// replacement by a local directory drops the module: it is not a published version). The standard
/// library version is the <c>toolchain</c> line's; without one, the <c>go</c> line's when it is 1.21 or
/// later, since from then on that line names the minimum toolchain. The root module itself is reported with
/// an empty version, as Trivy lists it: it belongs in the inventory, but it is the code being scanned, not a
/// published release, so the matcher passes it over.
/// </summary>
public sealed class GoModAnalyzer : IFileAnalyzer
{
    public string Name => "gomod";

    public int Version => 2;

    public bool Wants(string path, long size) => FileNames.HasBaseName(path, "go.mod");

    public async Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
    {
        var text = await ManifestReader.ReadTextAsync(file, findings, Name, cancellationToken);
        if (text is null) return;

        var requires = new List<(string Path, string Version)>();
        var replaces = new Dictionary<string, (string? FromVersion, string Path, string Version)>(StringComparer.Ordinal);
        string? module = null, goLine = null, toolchain = null, block = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var comment = rawLine.IndexOf("//", StringComparison.Ordinal);
            var line = (comment >= 0 ? rawLine[..comment] : rawLine).Trim();
            if (line.Length == 0) continue;
            if (block is not null)
            {
                if (line == ")") block = null;
                else Directive(block, line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
                continue;
            }
            var words = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 2 && words[1] == "(") block = words[0];
            else Directive(words[0], words[1..]);
        }

        var packages = new List<Package>();
        if (module is not null)
            packages.Add(new Package { Name = module, Version = "", Ecosystem = Ecosystem.Go, FilePath = file.Path });
        var stdlib = toolchain is not null ? GoToolchainVersion.ToStdlib(toolchain) : FromGoLine(goLine);
        if (stdlib is not null)
            packages.Add(new Package { Name = GoToolchainVersion.StdlibModule, Version = stdlib, Ecosystem = Ecosystem.Go, FilePath = file.Path });
        foreach (var (path, version) in requires)
        {
            var (name, resolved) = (path, version);
            if (replaces.TryGetValue(path, out var replace) && (replace.FromVersion is null || replace.FromVersion == version))
                (name, resolved) = (replace.Path, replace.Version);
            if (resolved.Length == 0) continue;
            packages.Add(new Package { Name = name, Version = resolved, Ecosystem = Ecosystem.Go, FilePath = file.Path });
        }
        findings.AddPackages(file.Path, packages);

        void Directive(string verb, string[] args)
        {
            switch (verb)
            {
                case "module" when args.Length >= 1: module = Unquote(args[0]); break;
                case "go" when args.Length >= 1: goLine = args[0]; break;
                case "toolchain" when args.Length >= 1: toolchain = args[0]; break;
                case "require" when args.Length >= 2: requires.Add((Unquote(args[0]), args[1])); break;
                case "replace":
                    var arrow = Array.IndexOf(args, "=>");
                    if (arrow is 1 or 2 && args.Length > arrow + 1)
                    {
                        var fromVersion = arrow == 2 ? args[1] : null;
                        var target = Unquote(args[arrow + 1]);
                        var local = target.StartsWith("./", StringComparison.Ordinal) || target.StartsWith("../", StringComparison.Ordinal)
                            || target.StartsWith('/');
                        var targetVersion = !local && args.Length > arrow + 2 ? args[arrow + 2] : "";
                        replaces[Unquote(args[0])] = (fromVersion, target, targetVersion);
                    }
                    break;
            }
        }
    }

    private static string Unquote(string value) => value.Trim('"', '`');

    private static string? FromGoLine(string? goLine)
    {
        if (goLine is null) return null;
        var parts = goLine.Split('.');
        return parts.Length >= 2 && int.TryParse(parts[0], out var major) && int.TryParse(parts[1], out var minor)
            && (major > 1 || minor >= 21)
            ? goLine
            : null;
    }
}
