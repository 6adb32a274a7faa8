using Berth.Core;

namespace Berth.Metadata.Artifacts;

/// <summary>
/// An artifact as the API shows it. <see cref="Size"/> is what it occupies: the manifest, the blobs it
/// references and, for an index, its children with theirs. <see cref="Content"/> is the manifest itself,
/// so the API can read an index's platforms without another query.
/// </summary>
public sealed record ArtifactRecord(
    long Id,
    long ProjectId,
    long RepositoryId,
    string RepositoryName,
    Digest Digest,
    string MediaType,
    string? ArtifactType,
    long Size,
    string? AnnotationsJson,
    DateTimeOffset PushedAt,
    DateTimeOffset? PulledAt,
    IReadOnlyList<TagRecord> Tags,
    byte[] Content);
