using Berth.Core;
using Berth.Storage.Uploads;

namespace Berth.Storage.Tests.Uploads;

public sealed class UploadHashesTests
{
    [Fact]
    public void For_SameSession_IsTheSameState()
    {
        var hashes = new UploadHashes();

        Assert.Same(hashes.For("one"), hashes.For("one"));
        Assert.NotSame(hashes.For("one"), hashes.For("two"));
    }

    [Fact]
    public void Forget_Session_ResetsItsStateAndStartsAfresh()
    {
        var hashes = new UploadHashes();
        var state = hashes.For("one");
        state.Start(Digest.Sha256, Digest.CreateHasher(Digest.Sha256));
        state.Offset = 42;

        hashes.Forget("one");

        Assert.Null(state.Hasher);
        Assert.Equal(0, state.Offset);
        Assert.Equal("", state.Algorithm);
        Assert.NotSame(state, hashes.For("one"));
    }

    [Fact]
    public void Start_ReplacesHasherAndClearsOffset()
    {
        var state = new UploadHashState { Offset = 10 };

        state.Start(Digest.Sha512, Digest.CreateHasher(Digest.Sha512));

        Assert.Equal(Digest.Sha512, state.Algorithm);
        Assert.Equal(0, state.Offset);
        Assert.NotNull(state.Hasher);
    }
}
