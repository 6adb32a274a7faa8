using Berth.Core;

namespace Berth.Metadata.Artifacts;

/// <summary>A manifest or index that was just stored by a /v2 push, with the tag it was pushed as (if any).</summary>
public sealed record ArtifactPush(string Repository, Digest Digest, string MediaType, string? Tag, string Username);
