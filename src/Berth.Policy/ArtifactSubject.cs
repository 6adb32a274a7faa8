using Berth.Core;

namespace Berth.Policy;

/// <summary>
/// The artifact a policy decides about: a manifest or index by digest, in the repository it is pulled from
/// (policies belong to the repository's project; the same digest may sit in several projects).
/// </summary>
public sealed record ArtifactSubject(string Repository, Digest Digest, string MediaType)
{
    public string Project => ProjectName.Of(Repository);
}
