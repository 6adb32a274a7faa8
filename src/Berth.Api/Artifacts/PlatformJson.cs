namespace Berth.Api.Artifacts;

/// <summary>The platform of an index entry, with Harbor's JSON names (<c>os</c>, <c>architecture</c>, <c>variant</c>).</summary>
public sealed record PlatformJson(string Architecture, string Os, string? Variant);
