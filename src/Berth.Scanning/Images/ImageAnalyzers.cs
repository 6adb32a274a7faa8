using Berth.Scanning.Analyzers.Language;
using Berth.Scanning.Analyzers.Os;
using Berth.Scanning.Analyzers.Rpm;
using Berth.Scanning.Layers;

namespace Berth.Scanning.Images;

/// <summary>
/// The analyzers a scan runs: the OS, its package databases, and the language packages installed in it; a directory
/// scan reads the lock files too.
/// </summary>
public static class ImageAnalyzers
{
    public static IReadOnlyList<IFileAnalyzer> All(ScanLimits? limits = null) =>
        [.. OperatingSystem(), .. LanguageAnalyzers.ForImages(limits)];

    public static IReadOnlyList<IFileAnalyzer> ForDirectory(ScanLimits? limits = null) =>
        [.. OperatingSystem(), .. LanguageAnalyzers.ForDirectories(limits)];

    private static IFileAnalyzer[] OperatingSystem() => [new OperatingSystemAnalyzer(), new DpkgAnalyzer(), new ApkAnalyzer(), new RpmAnalyzer()];
}
