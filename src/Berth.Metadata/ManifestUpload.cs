using Berth.Core;
using Berth.Core.Manifests;

namespace Berth.Metadata;

/// <summary>A validated manifest on its way into a repository, with the tag it is pushed under, if any.</summary>
public sealed record ManifestUpload(string Repository, Digest Digest, byte[] Content, ManifestDocument Document, string? Tag);
