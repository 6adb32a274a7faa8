using Berth.Core.Manifests;

namespace Berth.Core.Tests.Manifests;

public sealed class ManifestDocumentTests
{
    private static readonly Descriptor Config = new("application/vnd.oci.image.config.v1+json", Digest.Compute("config"u8), 6);
    private static readonly Descriptor Layer = new("application/vnd.oci.image.layer.v1.tar+gzip", Digest.Compute("layer"u8), 5);
    private static readonly Descriptor Child = new(MediaTypes.OciManifest, Digest.Compute("child"u8), 5);

    private static ManifestDocument Image(string? artifactType, params Descriptor[] layers) =>
        new(MediaTypes.OciManifest, Config, layers, [], null, artifactType, null);

    private static ManifestDocument Index(string? artifactType) =>
        new(MediaTypes.OciIndex, null, [], [Child], null, artifactType, null);

    [Fact]
    public void EffectiveArtifactType_ExplicitArtifactType_Wins() =>
        Assert.Equal("application/vnd.example.sbom", Image("application/vnd.example.sbom").EffectiveArtifactType);

    [Fact]
    public void EffectiveArtifactType_ImageWithoutArtifactType_IsConfigMediaType() =>
        Assert.Equal("application/vnd.oci.image.config.v1+json", Image(null).EffectiveArtifactType);

    [Fact]
    public void EffectiveArtifactType_IndexWithoutArtifactType_IsNull() =>
        Assert.Null(Index(null).EffectiveArtifactType);

    [Fact]
    public void EffectiveArtifactType_IndexWithArtifactType_IsThatType() =>
        Assert.Equal("application/vnd.example.bundle", Index("application/vnd.example.bundle").EffectiveArtifactType);

    [Fact]
    public void RequiredBlobs_Image_AreConfigThenLayers()
    {
        var second = Layer with { Digest = Digest.Compute("second"u8) };

        Assert.Equal([Config, Layer, second], Image(null, Layer, second).RequiredBlobs);
    }

    [Theory]
    [InlineData(MediaTypes.DockerForeignLayer)]
    [InlineData(MediaTypes.OciLayerNonDistributable)]
    [InlineData(MediaTypes.OciLayerNonDistributableGzip)]
    [InlineData(MediaTypes.OciLayerNonDistributableZstd)]
    public void RequiredBlobs_NonDistributableLayer_IsSkipped(string mediaType)
    {
        var foreign = new Descriptor(mediaType, Digest.Compute("foreign"u8), 7);

        Assert.Equal([Config, Layer], Image(null, foreign, Layer).RequiredBlobs);
    }

    [Fact]
    public void RequiredBlobs_Index_IsEmpty() => Assert.Empty(Index(null).RequiredBlobs);
}
