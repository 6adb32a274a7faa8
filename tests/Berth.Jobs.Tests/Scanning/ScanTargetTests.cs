using System.Text;
using Berth.Jobs.Scanning;

namespace Berth.Jobs.Tests.Scanning;

/// <summary>Which stored artifacts the scanner takes: images, the images of an index, nothing else.</summary>
public sealed class ScanTargetTests
{
    private const string Sha = "sha256:";
    private static readonly string A = Sha + new string('a', 64);
    private static readonly string B = Sha + new string('b', 64);
    private static readonly string C = Sha + new string('c', 64);

    private static ScanTarget Manifest(string configType, string[] layerTypes, string? artifactType = null)
    {
        var layers = string.Join(",", layerTypes.Select(type => $$"""{"mediaType":"{{type}}","digest":"{{B}}","size":2}"""));
        var artifact = artifactType is null ? "" : $"\"artifactType\":\"{artifactType}\",";
        var json = $$"""
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",{{artifact}}
             "config":{"mediaType":"{{configType}}","digest":"{{A}}","size":2},"layers":[{{layers}}]}
            """;
        return ScanTarget.Of("application/vnd.oci.image.manifest.v1+json", Encoding.UTF8.GetBytes(json));
    }

    [Theory]
    [InlineData("application/vnd.oci.image.config.v1+json", "application/vnd.oci.image.layer.v1.tar+gzip")]
    [InlineData("application/vnd.docker.container.image.v1+json", "application/vnd.docker.image.rootfs.diff.tar.gzip")]
    [InlineData("application/vnd.oci.image.config.v1+json", "application/vnd.oci.image.layer.v1.tar+zstd")]
    public void ImageWithFilesystemLayers_IsAnImage(string configType, string layerType)
    {
        var target = Manifest(configType, [layerType]);

        Assert.Equal(ScanTargetKind.Image, target.Kind);
        Assert.Null(target.Reason);
    }

    [Fact]
    public void HelmChart_IsNotScannable_AndSaysWhy()
    {
        var target = Manifest("application/vnd.cncf.helm.config.v1+json", ["application/vnd.cncf.helm.chart.content.v1.tar+gzip"]);

        Assert.Equal(ScanTargetKind.Unsupported, target.Kind);
        Assert.Contains("application/vnd.cncf.helm.config.v1+json", target.Reason);
    }

    [Fact]
    public void CosignSignature_WithAnImageConfig_IsStillNotScannable()
    {
        var target = Manifest("application/vnd.oci.image.config.v1+json", ["application/vnd.dev.cosign.simplesigning.v1+json"]);

        Assert.Equal(ScanTargetKind.Unsupported, target.Kind);
        Assert.Contains("not a filesystem layer", target.Reason);
    }

    [Fact]
    public void ArtifactWithAnArtifactType_IsNotAnImage()
    {
        var target = Manifest("application/vnd.oci.empty.v1+json", ["application/vnd.oci.image.layer.v1.tar"], "application/spdx+json");

        Assert.Equal(ScanTargetKind.Unsupported, target.Kind);
        Assert.Contains("application/spdx+json", target.Reason);
    }

    [Fact]
    public void ManifestWithoutLayers_IsNotScannable()
    {
        Assert.Equal(ScanTargetKind.Unsupported, Manifest("application/vnd.oci.image.config.v1+json", []).Kind);
    }

    [Fact]
    public void Index_ListsItsManifestsAsChildren()
    {
        var json = $$"""
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
             {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"{{B}}","size":10,"platform":{"os":"linux","architecture":"amd64"} },
             {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"{{C}}","size":10,"platform":{"os":"linux","architecture":"arm64"} } ] }
            """;

        var target = ScanTarget.Of("application/vnd.oci.image.index.v1+json", Encoding.UTF8.GetBytes(json));

        Assert.Equal(ScanTargetKind.Index, target.Kind);
        Assert.Equal([B, C], target.Children.Select(d => d.ToString()));
    }

    [Fact]
    public void UnreadableManifest_IsNotScannable()
    {
        var target = ScanTarget.Of("application/vnd.oci.image.manifest.v1+json", "{not json"u8.ToArray());

        Assert.Equal(ScanTargetKind.Unsupported, target.Kind);
        Assert.Contains("cannot be read", target.Reason);
    }
}
