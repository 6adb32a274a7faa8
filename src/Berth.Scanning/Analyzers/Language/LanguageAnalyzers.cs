using Berth.Scanning.Analyzers.Language.Binaries;
using Berth.Scanning.Analyzers.Language.DotNet;
using Berth.Scanning.Analyzers.Language.Go;
using Berth.Scanning.Analyzers.Language.Java;
using Berth.Scanning.Analyzers.Language.Npm;
using Berth.Scanning.Analyzers.Language.Php;
using Berth.Scanning.Analyzers.Language.Python;
using Berth.Scanning.Analyzers.Language.Ruby;
using Berth.Scanning.Analyzers.Language.Rust;
using Berth.Scanning.Layers;

namespace Berth.Scanning.Analyzers.Language;

/// <summary>
/// The language-package analyzer sets. Images are judged by what is installed (package metadata, binaries,
/// archives); lock files describe what a build would install and are read only when scanning a source
/// directory, as Trivy does. Cargo.lock is the exception: it is read in images too.
/// </summary>
public static class LanguageAnalyzers
{
    public static IReadOnlyList<IFileAnalyzer> ForImages(ScanLimits? limits = null)
    {
        var max = (limits ?? ScanLimits.Default).MaxAnalyzedFileBytes;
        return
        [
            new PackageJsonAnalyzer(),
            new InstalledDistributionAnalyzer(),
            new ExecutableAnalyzer(max),
            new JarAnalyzer(max),
            new DepsJsonAnalyzer(),
            new CargoLockAnalyzer(),
            new GemspecAnalyzer(),
            new ComposerInstalledAnalyzer(),
        ];
    }

    /// <summary>Everything an image scan reads, plus the lock files.</summary>
    public static IReadOnlyList<IFileAnalyzer> ForDirectories(ScanLimits? limits = null) =>
    [
        .. ForImages(limits),
        new PackageLockAnalyzer(),
        new YarnLockAnalyzer(),
        new RequirementsAnalyzer(),
        new PipfileLockAnalyzer(),
        new PoetryLockAnalyzer(),
        new GoModAnalyzer(),
        new GemfileLockAnalyzer(),
        new ComposerLockAnalyzer(),
        new PackagesLockAnalyzer(),
    ];
}
