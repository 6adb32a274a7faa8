using Berth.Core;

namespace Berth.Metadata;

/// <summary>A stored manifest or index in one repository.</summary>
public sealed record Artifact(long Id, string Repository, Digest Digest, string MediaType, long Size, string? ArtifactType, Digest? Subject);
