using Berth.Metadata.Artifacts;

namespace Berth.Api.Artifacts;

/// <summary>Harbor's <c>Tag</c> JSON; <see cref="Immutable"/> says whether a tag immutability rule of the project holds the tag now.</summary>
public sealed record TagJson(long Id, long RepositoryId, long ArtifactId, string Name, DateTimeOffset PushTime, DateTimeOffset? PullTime, bool Immutable)
{
    public static TagJson From(TagRecord tag, bool immutable) => new(tag.Id, tag.RepositoryId, tag.ArtifactId, tag.Name, tag.PushedAt, tag.PulledAt, immutable);
}
