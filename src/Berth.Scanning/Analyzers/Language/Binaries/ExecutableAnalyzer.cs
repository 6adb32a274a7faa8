using Berth.Scanning.Analyzers.Language.Go;
using Berth.Scanning.Analyzers.Language.Rust;
using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Analyzers.Language.Binaries;

/// <summary>
/// Compiled programs that carry their dependency list: Go binaries (build info: modules and the toolchain
/// as <c>stdlib</c>) and Rust binaries built with cargo-auditable. The walker cannot tell us a file's mode,
/// so every file that is not obviously data is offered; the first bytes decide (ELF, Mach-O or PE magic)
/// before anything is copied, and only then is the file copied, bounded, for random access (in memory when small).
/// </summary>
public sealed class ExecutableAnalyzer(long maxBytes) : IFileAnalyzer
{
    /// <summary>Smaller than any real ELF/PE/Mach-O header plus Go build info.</summary>
    private const int MinBytes = 64;

    // Files whose names say they are not programs; skipping them avoids reading their first bytes at all.
    private static readonly HashSet<string> DataExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".a", ".o", ".ko", ".py", ".pyc", ".pyo", ".js", ".mjs", ".cjs", ".ts", ".map", ".json", ".txt", ".md", ".rst",
        ".html", ".htm", ".css", ".xml", ".yaml", ".yml", ".toml", ".ini", ".conf", ".cfg", ".h", ".hpp", ".c", ".cc",
        ".cpp", ".go", ".rs", ".java", ".class", ".jar", ".war", ".ear", ".rb", ".php", ".pl", ".pm", ".sh", ".png",
        ".jpg", ".jpeg", ".gif", ".svg", ".ico", ".gz", ".xz", ".bz2", ".zst", ".zip", ".tar", ".whl", ".mo", ".po",
        ".pem", ".crt", ".ttf", ".woff", ".woff2", ".gemspec", ".lock", ".sum", ".mod", ".dat", ".db", ".sqlite",
    };

    public ExecutableAnalyzer() : this(ScanLimits.Default.MaxAnalyzedFileBytes) { }

    public string Name => "executable";

    public int Version => 1;

    public bool Wants(string path, long size)
    {
        if (size < MinBytes || size > maxBytes) return false;
        var name = FileNames.BaseName(path);
        // Shared libraries (libfoo.so, libfoo.so.1.2) are not programs with build info of their own.
        if (name.EndsWith(".so", StringComparison.Ordinal) || name.Contains(".so.", StringComparison.Ordinal)) return false;
        return !DataExtensions.Contains(Path.GetExtension(name));
    }

    public async Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
    {
        var head = new byte[4];
        var got = await file.Content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (ExecutableImage.Recognize(head.AsSpan(0, got)) is not { } kind) return;

        var limit = Math.Min(maxBytes, file.Limits.MaxAnalyzedFileBytes);
        await using var scratch = await ScratchFile.CopyAsync(file.Content, head.AsMemory(0, got), file.Size, limit, cancellationToken);
        if (scratch is null)
        {
            findings.Warn($"{Name}: {file.Path}: executable is larger than the {limit}-byte limit; not analyzed");
            return;
        }
        var image = await ExecutableImage.ReadAsync(scratch, kind, cancellationToken);
        void Warn(string message) => findings.Warn($"{Name}: {file.Path}: {message}");

        var packages = new List<Package>();
        if (await GoBuildInfoReader.ReadAsync(image, Warn, cancellationToken) is { } buildInfo)
            packages.AddRange(GoModuleInfo.ToPackages(buildInfo, file.Path));
        if (await CargoAuditableReader.ReadAsync(image, file.Path, Warn, cancellationToken) is { } crates)
            packages.AddRange(crates);
        if (packages.Count > 0) findings.AddPackages(file.Path, packages);
    }
}
