using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Analyzers.Language.Java;

/// <summary>
/// Java archives (<c>*.jar</c>, <c>*.war</c>, <c>*.ear</c>, <c>*.par</c>). A zip needs random access, so the
/// archive is copied to a scratch file (bounded by <see cref="ScanLimits.MaxAnalyzedFileBytes"/>); nested
/// archives are followed to <see cref="ScanLimits.MaxArchiveDepth"/> levels, and all of them together may
/// inflate at most <see cref="ScanLimits.MaxAnalyzedFileBytes"/> bytes. Packages of nested archives carry the
/// nested path (<c>app.war/WEB-INF/lib/x.jar</c>) but are recorded under the layer file, so deleting the
/// outer archive deletes them.
/// </summary>
public sealed class JarAnalyzer(long maxBytes) : IFileAnalyzer
{
    public JarAnalyzer() : this(ScanLimits.Default.MaxAnalyzedFileBytes) { }

    public string Name => "jar";

    public int Version => 1;

    public static bool IsArchiveName(string name) =>
        name.EndsWith(".jar", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".war", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".ear", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".par", StringComparison.OrdinalIgnoreCase);

    // The extensions hold no '/', so the whole path ends the way its last component does.
    public bool Wants(string path, long size) => size <= maxBytes && IsArchiveName(path);

    public async Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
    {
        var limit = Math.Min(maxBytes, file.Limits.MaxAnalyzedFileBytes);
        await using var archive = await ScratchFile.CopyAsync(file.Content, ReadOnlyMemory<byte>.Empty, file.Size, limit, cancellationToken);
        if (archive is null)
        {
            findings.Warn($"{Name}: {file.Path}: larger than the {limit}-byte limit; not analyzed");
            return;
        }

        var packages = new List<Package>();
        var reader = new JarArchiveReader(
            Math.Max(1, file.Limits.MaxArchiveDepth), new InflationBudget(file.Limits.MaxAnalyzedFileBytes),
            message => findings.Warn($"{Name}: {message}"));
        await reader.ReadAsync(archive, file.Path, depth: 1, packages, cancellationToken);
        if (packages.Count > 0) findings.AddPackages(file.Path, packages);
    }
}
