using Berth.Core;
using Berth.Core.Errors;
using Berth.Core.Manifests;

namespace Berth.Metadata;

/// <summary>A validated manifest on its way into a repository, with the tag it is pushed under, if any.</summary>
public sealed record ManifestUpload(string Repository, Digest Digest, byte[] Content, ManifestDocument Document, string? Tag)
{
    /// <summary>
    /// When set, the tag may be created but not pushed again: if the repository already has it, the store answers
    /// this error and changes nothing. Checked in the write transaction, so two first pushes of an immutable tag
    /// cannot both win.
    /// </summary>
    public OciError? RefuseExistingTag { get; init; }
}
