using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Analyzers.Language.DotNet;

/// <summary>
/// A .NET application's <c>*.deps.json</c>: <c>libraries</c> keyed "Name/Version". Only type "package" is a
/// NuGet package; "project" entries are the application's own assemblies and "runtimepack" ships with the
/// runtime.
/// </summary>
public sealed class DepsJsonAnalyzer : IFileAnalyzer
{
    public string Name => "dotnet-core";

    public int Version => 1;

    public bool Wants(string path, long size) => path.EndsWith(".deps.json", StringComparison.Ordinal);

    public async Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
    {
        using var document = await ManifestReader.ReadJsonAsync(file, findings, Name, cancellationToken);
        if (document is null) return;
        if (JsonValues.Object(document.RootElement, "libraries") is not { } libraries)
        {
            findings.Warn($"{Name}: {file.Path}: no 'libraries' object");
            return;
        }
        var packages = new List<Package>();
        foreach (var library in libraries.EnumerateObject())
        {
            if (JsonValues.String(library.Value, "type") != "package") continue;
            var slash = library.Name.IndexOf('/');
            if (slash <= 0 || slash == library.Name.Length - 1) continue;
            packages.Add(new Package
            {
                Name = library.Name[..slash], Version = library.Name[(slash + 1)..], Ecosystem = Ecosystem.NuGet, FilePath = file.Path,
            });
        }
        findings.AddPackages(file.Path, packages);
    }
}
