using Berth.Scanning.Analyzers.Language;
using Berth.Scanning.Analyzers.Os;
using Berth.Scanning.Analyzers.Rpm;
using Berth.Scanning.Layers;

namespace Berth.Scanning.Images;

/// <summary>The analyzers an image scan runs: the OS, its package databases, and the language packages installed in it.</summary>
public static class ImageAnalyzers
{
    public static IReadOnlyList<IFileAnalyzer> All(ScanLimits? limits = null) =>
        [new OperatingSystemAnalyzer(), new DpkgAnalyzer(), new ApkAnalyzer(), new RpmAnalyzer(), .. LanguageAnalyzers.ForImages(limits)];
}
