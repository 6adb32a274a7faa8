namespace Berth.Metadata.Artifacts;

/// <summary>A tag of an artifact, with when it was last pushed and (from the audit log) pulled.</summary>
public sealed record TagRecord(long Id, long RepositoryId, long ArtifactId, string Name, DateTimeOffset PushedAt, DateTimeOffset? PulledAt);
