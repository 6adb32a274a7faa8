using Berth.Core;

namespace Berth.Metadata.Artifacts;

/// <summary>
/// A manifest or index that was just stored by a /v2 push, with the tag it was pushed as (if any) and the artifact
/// it refers to through its <c>subject</c> (if any), so observers need not read the manifest back.
/// </summary>
public sealed record ArtifactPush(string Repository, Digest Digest, string MediaType, string? Tag, string Username, Digest? Subject = null);
