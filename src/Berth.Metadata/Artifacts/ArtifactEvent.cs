using Berth.Core;

namespace Berth.Metadata.Artifacts;

/// <summary>
/// A /v2 push, pull or delete to record in the audit log. <see cref="Reference"/> is the tag or digest the
/// client named, so the resource reads <c>proj/repo:tag</c> or <c>proj/repo@sha256:…</c> as in Harbor.
/// </summary>
public sealed record ArtifactEvent(string Repository, string Reference, string Operation, string Username, DateTimeOffset At)
{
    public const string Create = "create";
    public const string Pull = "pull";
    public const string Delete = "delete";
    public const string ResourceType = "artifact";

    public string Resource => Digest.TryParse(Reference, out _) ? $"{Repository}@{Reference}" : $"{Repository}:{Reference}";
}
