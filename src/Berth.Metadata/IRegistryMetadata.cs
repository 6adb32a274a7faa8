using Berth.Core;
using Berth.Core.Errors;
using Berth.Core.Manifests;

namespace Berth.Metadata;

/// <summary>
/// The registry's metadata: which repositories exist, which blobs each links, the artifacts (manifests
/// and indexes) pushed to them, their tags and referrers. Every change is one transaction, so a refused
/// request leaves no row behind.
/// </summary>
public interface IRegistryMetadata
{
    /// <summary>Records the blob and links it into the repository, creating the repository on first use.</summary>
    Task LinkBlobAsync(string repository, Digest digest, long size, CancellationToken cancellationToken);

    /// <summary>The blob's size if the repository links it, else null.</summary>
    Task<long?> FindLinkedBlobAsync(string repository, Digest digest, CancellationToken cancellationToken);

    /// <summary>Removes the repository's link to the blob; true when there was one.</summary>
    Task<bool> UnlinkBlobAsync(string repository, Digest digest, CancellationToken cancellationToken);

    Task<bool> RepositoryExistsAsync(string repository, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the manifest (and moves the tag to it, when given) after checking, in the same transaction,
    /// that every blob and child manifest it references is in the repository.
    /// </summary>
    Task<Outcome<Artifact>> PutManifestAsync(ManifestUpload upload, CancellationToken cancellationToken);

    /// <summary>The manifest a tag points at, or the manifest with that digest; null when there is none.</summary>
    Task<StoredManifest?> FindManifestAsync(string repository, string reference, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the artifact and every tag pointing at it, and in the same transaction its accessories: the artifacts
    /// whose subject it is (recursively) and cosign's <c>sha256-&lt;hex&gt;.sig|.att|.sbom</c> tags; true when it existed.
    /// </summary>
    Task<bool> DeleteArtifactAsync(string repository, Digest digest, CancellationToken cancellationToken);

    /// <summary>Deletes only the tag; true when it existed.</summary>
    Task<bool> DeleteTagAsync(string repository, string tag, CancellationToken cancellationToken);

    /// <summary>Tags in lexical order after <paramref name="last"/>, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<string>> ListTagsAsync(string repository, int? limit, string? last, CancellationToken cancellationToken);

    /// <summary>Repository names in lexical order after <paramref name="last"/>, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<string>> ListRepositoriesAsync(int? limit, string? last, CancellationToken cancellationToken);

    /// <summary>Descriptors of the artifacts whose subject is <paramref name="subject"/>, optionally of one artifact type.</summary>
    Task<IReadOnlyList<Descriptor>> ListReferrersAsync(string repository, Digest subject, string? artifactType, CancellationToken cancellationToken);
}
