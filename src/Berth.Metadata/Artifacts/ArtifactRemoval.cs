using Berth.Core;

namespace Berth.Metadata.Artifacts;

/// <summary>
/// What one delete took out of a repository: the artifacts (the one asked for and the signatures and other referrers
/// that went with it) and the tags removed on their own.
/// </summary>
public sealed record ArtifactRemoval(string Repository, IReadOnlyList<Digest> Artifacts, IReadOnlyList<string> Tags);
