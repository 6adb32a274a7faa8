using Berth.Scanning.Images;
using Berth.Scanning.Matching;

namespace Berth.Scanning.Reports;

/// <summary>
/// Scans one image: its inventory (layers from the cache where they were read before), then every package
/// matched against the advisory store. Rematching a stored inventory after an advisory import is
/// <see cref="RematchAsync"/>, which reads no layer.
/// </summary>
public sealed class ImageScanner(ImageInventoryReader inventories, AdvisoryMatcher matcher, TimeProvider clock)
{
    public async Task<ScanResult> ScanAsync(ImageToScan image, IProgress<int>? layersDone, CancellationToken cancellationToken)
    {
        var inventory = await inventories.ReadAsync(image, layersDone, cancellationToken);
        if (inventory.Error is { } error) return new ScanResult(null, error);
        var match = await matcher.MatchAsync(inventory.Inventory!.OperatingSystem, inventory.Inventory.Packages, cancellationToken);
        return new ScanResult(ScanReport.Of(image, inventory.Inventory, match, clock.GetUtcNow()), null);
    }

    /// <summary>The same inventory matched against the advisories as they are now.</summary>
    public async Task<ScanReport> RematchAsync(ScanReport previous, CancellationToken cancellationToken)
    {
        var match = await matcher.MatchAsync(previous.OperatingSystem, previous.Packages, cancellationToken);
        var inventory = new Layers.ImageInventory
        {
            OperatingSystem = previous.OperatingSystem,
            Packages = previous.Packages,
            Warnings = previous.InventoryWarnings,
        };
        return ScanReport.Of(previous.Image, inventory, match, clock.GetUtcNow());
    }
}
