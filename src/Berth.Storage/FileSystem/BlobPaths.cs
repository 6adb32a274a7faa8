using Berth.Core;

namespace Berth.Storage.FileSystem;

/// <summary>
/// Where things live under the data directory: <c>blobs/sha256/ab/abcdef…</c> for committed blobs and
/// <c>blobs/_uploads/&lt;id&gt;/</c> for sessions, on the same filesystem so a commit is one rename.
/// </summary>
public sealed class BlobPaths(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string UploadsRoot => Path.Combine(Root, "_uploads");

    public string Blob(Digest digest) => Path.Combine(Root, digest.Algorithm, digest.Encoded[..2], digest.Encoded);

    public string UploadDirectory(string id) => Path.Combine(UploadsRoot, id);

    public string UploadData(string id) => Path.Combine(UploadsRoot, id, "data");

    public string UploadInfo(string id) => Path.Combine(UploadsRoot, id, "info");
}
