using System.Security.Cryptography;
using Berth.Core;
using Berth.Metadata.Artifacts;
using Berth.Policy.Signatures;

namespace Berth.Policy.Tests.Signatures;

/// <summary>The policy revision moves with signatures being pushed and deleted, and not with ordinary pushes.</summary>
public sealed class SignatureRevisionTests : IAsyncLifetime
{
    private SignatureFixture _f = null!;
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public async Task InitializeAsync() => _f = await SignatureFixture.CreateAsync();

    public async Task DisposeAsync()
    {
        await _f.DisposeAsync();
        _key.Dispose();
    }

    private static ArtifactPush Push(Digest digest, string? tag, Digest? subject = null) =>
        new(SignatureFixture.Repository, digest, MediaTypes.OciManifest, tag, "alice", subject);

    [Fact]
    public async Task Push_OfACosignTagOrAReferrer_Advances_AndOfAnImageDoesNot()
    {
        var revision = new PolicyRevision();
        var observer = new SignaturePushRevision(revision);
        var (image, descriptor) = await _f.PushImageAsync("web");

        await observer.OnPushedAsync(Push(image.Digest, "v1"), default);
        Assert.Equal(0, revision.Current);

        var sig = await _f.PushCosignSignatureAsync(image, _key);
        await observer.OnPushedAsync(Push(sig.Digest, sig.Tag), default);
        Assert.Equal(1, revision.Current);

        var bundle = await _f.PushCosignBundleAsync(descriptor, _key);
        await observer.OnPushedAsync(Push(bundle.Digest, null, descriptor.Digest), default);
        Assert.Equal(2, revision.Current);
    }

    [Fact]
    public async Task Removal_OfArtifactsOrACosignTag_Advances_AndOfAPlainTagDoesNot()
    {
        var revision = new PolicyRevision();
        var observer = new SignatureRemovalRevision(revision);
        var digest = Digest.Compute("x"u8);

        await observer.OnRemovedAsync(new ArtifactRemoval(SignatureFixture.Repository, [], ["latest"]), default);
        Assert.Equal(0, revision.Current);
        await observer.OnRemovedAsync(new ArtifactRemoval(SignatureFixture.Repository, [], [AccessoryTags.For(digest, ".sig")]), default);
        Assert.Equal(1, revision.Current);
        await observer.OnRemovedAsync(new ArtifactRemoval(SignatureFixture.Repository, [digest], []), default);
        Assert.Equal(2, revision.Current);
    }
}
