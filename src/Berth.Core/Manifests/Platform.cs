namespace Berth.Core.Manifests;

/// <summary>The platform an index entry is built for.</summary>
public sealed record Platform(string Os, string Architecture, string? Variant = null);
