using Berth.Metadata.Artifacts;

namespace Berth.Api.Artifacts;

/// <summary>Harbor's <c>Tag</c> JSON. Berth has no immutable-tag rules yet, so <see cref="Immutable"/> is always false.</summary>
public sealed record TagJson(long Id, long RepositoryId, long ArtifactId, string Name, DateTimeOffset PushTime, DateTimeOffset? PullTime, bool Immutable)
{
    public static TagJson From(TagRecord tag) => new(tag.Id, tag.RepositoryId, tag.ArtifactId, tag.Name, tag.PushedAt, tag.PulledAt, false);
}
