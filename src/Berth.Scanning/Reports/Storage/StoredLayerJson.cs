namespace Berth.Scanning.Reports.Storage;

/// <summary>A layer as a stored report names it: no way to open it, only its identity.</summary>
internal sealed record StoredLayerJson(string DiffId, string? Digest);
