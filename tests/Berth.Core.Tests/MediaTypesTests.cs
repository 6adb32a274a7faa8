namespace Berth.Core.Tests;

public sealed class MediaTypesTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/json; charset=utf-8", "application/json")]
    [InlineData("Application/VND.OCI.Image.Manifest.v1+JSON", MediaTypes.OciManifest)]
    [InlineData("  application/vnd.oci.image.index.v1+json ;q=0.5", MediaTypes.OciIndex)]
    [InlineData(";charset=utf-8", "")]
    public void Essence_DropsParametersWhitespaceAndCase(string? contentType, string expected) =>
        Assert.Equal(expected, MediaTypes.Essence(contentType));

    [Theory]
    [InlineData(MediaTypes.OciIndex, true)]
    [InlineData(MediaTypes.DockerManifestList, true)]
    [InlineData(MediaTypes.OciManifest, false)]
    [InlineData(MediaTypes.DockerManifest, false)]
    public void IsIndex_OnlyForIndexAndManifestList(string mediaType, bool expected) =>
        Assert.Equal(expected, MediaTypes.IsIndex(mediaType));

    [Theory]
    [InlineData(MediaTypes.OciManifest, true)]
    [InlineData(MediaTypes.DockerManifest, true)]
    [InlineData(MediaTypes.OciIndex, true)]
    [InlineData(MediaTypes.DockerManifestList, true)]
    [InlineData(MediaTypes.DockerSchema1, false)]
    [InlineData("application/json", false)]
    public void IsManifest_OnlyForSchema2AndOciTypes(string mediaType, bool expected) =>
        Assert.Equal(expected, MediaTypes.IsManifest(mediaType));

    [Theory]
    [InlineData(MediaTypes.DockerSchema1, true)]
    [InlineData(MediaTypes.DockerSchema1Signed, true)]
    [InlineData(MediaTypes.DockerManifest, false)]
    public void IsSchema1_RecognisesBothSchema1Types(string mediaType, bool expected) =>
        Assert.Equal(expected, MediaTypes.IsSchema1(mediaType));

    [Theory]
    [InlineData(MediaTypes.DockerForeignLayer, true)]
    [InlineData(MediaTypes.OciLayerNonDistributable, true)]
    [InlineData(MediaTypes.OciLayerNonDistributableGzip, true)]
    [InlineData(MediaTypes.OciLayerNonDistributableZstd, true)]
    [InlineData("application/vnd.oci.image.layer.v1.tar+gzip", false)]
    [InlineData("application/vnd.docker.image.rootfs.diff.tar.gzip", false)]
    public void IsNonDistributable_OnlyForForeignLayers(string mediaType, bool expected) =>
        Assert.Equal(expected, MediaTypes.IsNonDistributable(mediaType));
}
