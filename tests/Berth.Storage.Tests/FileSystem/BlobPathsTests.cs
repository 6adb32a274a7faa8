using Berth.Core;
using Berth.Storage.FileSystem;

namespace Berth.Storage.Tests.FileSystem;

public sealed class BlobPathsTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "berth-paths");

    [Fact]
    public void Blob_IsAlgorithmThenTwoCharacterFanOutThenEncoded()
    {
        var digest = Digest.Compute("abc"u8);

        var path = new BlobPaths(Root).Blob(digest);

        Assert.Equal(Path.Combine(Root, "sha256", "ba", digest.Encoded), path);
    }

    [Fact]
    public void UploadPaths_AreUnderTheUploadsRoot()
    {
        var paths = new BlobPaths(Root);

        Assert.Equal(Path.Combine(Root, "_uploads"), paths.UploadsRoot);
        Assert.Equal(Path.Combine(Root, "_uploads", "id", "data"), paths.UploadData("id"));
        Assert.Equal(Path.Combine(Root, "_uploads", "id", "info"), paths.UploadInfo("id"));
    }

    [Fact]
    public void Root_IsMadeAbsolute() =>
        Assert.True(Path.IsPathFullyQualified(new BlobPaths("relative/blobs").Root));
}
