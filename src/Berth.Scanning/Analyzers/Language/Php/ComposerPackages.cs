using System.Text.Json;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Analyzers.Language.Php;

/// <summary>Composer package objects (installed.json and composer.lock share the shape): name, version, license.</summary>
public static class ComposerPackages
{
    public static IEnumerable<Package> Read(JsonElement list, string filePath)
    {
        foreach (var item in list.EnumerateArray())
        {
            var name = JsonValues.String(item, "name");
            var version = JsonValues.String(item, "version");
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(version)) continue;
            yield return new Package
            {
                Name = name, Version = version, Ecosystem = Ecosystem.Packagist, License = JsonValues.License(item, "license"), FilePath = filePath,
            };
        }
    }
}
