using Berth.Scanning.Images;
using Berth.Scanning.Layers;
using Berth.Scanning.Matching;

namespace Berth.Scanning.Reports;

/// <summary>
/// Scans a directory in place (a source checkout, an unpacked root filesystem): one walk with the directory analyzer
/// set, lock files included, then every package matched as in an image scan. Nothing is cached: a directory has no
/// content digest to key a cache entry by.
/// </summary>
public sealed class DirectoryScanner(DirectoryWalker walker, AdvisoryMatcher matcher, TimeProvider clock)
{
    public async Task<ScanResult> ScanAsync(string directory, CancellationToken cancellationToken)
    {
        var walk = await walker.WalkAsync(directory, cancellationToken);
        if (walk.Analysis is not { } analysis) return new ScanResult(null, walk.Failure!.Message);
        var inventory = ImageInventory.FromDirectory(analysis);
        var match = await matcher.MatchAsync(inventory.OperatingSystem, inventory.Packages, cancellationToken);
        return new ScanResult(ScanReport.Of(ImageToScan.ForDirectory(directory), inventory, match, clock.GetUtcNow()), null);
    }
}
