namespace Berth.Api.Artifacts;

/// <summary>Harbor's <c>Reference</c> JSON: one child of an index.</summary>
public sealed record ArtifactReferenceJson(long ParentId, string ChildDigest, PlatformJson? Platform);
