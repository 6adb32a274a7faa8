using Berth.Scanning.Layers;

namespace Berth.Scanning.Images;

/// <summary>The merged inventory of an image, or why one could not be taken.</summary>
public sealed record ImageInventoryResult(ImageInventory? Inventory, string? Error)
{
    public bool Succeeded => Inventory is not null;
}
