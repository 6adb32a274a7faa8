using Berth.Scanning.Packages;

namespace Berth.Scanning.Reports.Formats;

/// <summary>
/// Trivy's language type names (node-pkg, python-pkg, gobinary, jar, …) for a package, told apart by the file it was
/// read from: an installed package.json is node-pkg, a package-lock.json is npm, a Go binary is gobinary, a go.mod gomod.
/// </summary>
public static class LanguageTypes
{
    /// <summary>Types whose packages Trivy gathers into one result per language rather than one per file.</summary>
    private static readonly Dictionary<string, string> Aggregated = new(StringComparer.Ordinal)
    {
        ["node-pkg"] = "Node.js",
        ["python-pkg"] = "Python",
        ["gemspec"] = "Ruby",
        ["jar"] = "Java",
    };

    public static string Of(Package package)
    {
        var file = Path.GetFileName(package.FilePath ?? "");
        return package.Ecosystem switch
        {
            Ecosystem.Npm => file switch
            {
                "package-lock.json" or "npm-shrinkwrap.json" => "npm",
                "yarn.lock" => "yarn",
                "pnpm-lock.yaml" => "pnpm",
                _ => "node-pkg",
            },
            Ecosystem.PyPI => file switch
            {
                "Pipfile.lock" => "pipenv",
                "poetry.lock" => "poetry",
                "uv.lock" => "uv",
                _ when file.EndsWith(".txt", StringComparison.Ordinal) => "pip",
                _ => "python-pkg",
            },
            Ecosystem.Go => file == "go.mod" ? "gomod" : "gobinary",
            Ecosystem.CratesIo => file == "Cargo.lock" ? "cargo" : "rustbinary",
            Ecosystem.Maven => file switch
            {
                "pom.xml" => "pom",
                _ when file.EndsWith(".lockfile", StringComparison.Ordinal) => "gradle",
                _ => "jar",
            },
            Ecosystem.NuGet => file.EndsWith(".deps.json", StringComparison.Ordinal) ? "dotnet-core" : "nuget",
            Ecosystem.RubyGems => file == "Gemfile.lock" ? "bundler" : "gemspec",
            Ecosystem.Packagist => file == "composer.lock" ? "composer" : "composer-vendor",
            _ => package.Ecosystem.ToString().ToLowerInvariant(),
        };
    }

    /// <summary>The result a language package is listed under: the language for gathered types, else its file.</summary>
    public static string Target(Package package)
    {
        var type = Of(package);
        return Aggregated.TryGetValue(type, out var language) ? language : package.FilePath ?? type;
    }
}
