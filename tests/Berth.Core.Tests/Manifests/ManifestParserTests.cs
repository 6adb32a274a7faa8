using System.Text;
using Berth.Core.Errors;
using Berth.Core.Manifests;

namespace Berth.Core.Tests.Manifests;

public sealed class ManifestParserTests
{
    private const string Schema1Message = "Docker schema 1 manifests are not supported; push the image as Docker schema 2 or OCI";

    private static readonly string Config = Digest.Compute("{\"architecture\":\"amd64\",\"os\":\"linux\"}"u8).ToString();
    private static readonly string LayerOne = Digest.Compute("layer one"u8).ToString();
    private static readonly string LayerTwo = Digest.Compute("layer two"u8).ToString();
    private static readonly string ChildAmd64 = Digest.Compute("child amd64"u8).ToString();
    private static readonly string ChildArm64 = Digest.Compute("child arm64"u8).ToString();

    private static readonly string OciImage = $$"""
        {
          "schemaVersion": 2,
          "mediaType": "application/vnd.oci.image.manifest.v1+json",
          "config": {
            "mediaType": "application/vnd.oci.image.config.v1+json",
            "digest": "{{Config}}",
            "size": 7023
          },
          "layers": [
            { "mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": "{{LayerOne}}", "size": 32654 },
            { "mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": "{{LayerTwo}}", "size": 16724 }
          ],
          "annotations": { "org.opencontainers.image.created": "2024-01-01T00:00:00Z" }
        }
        """;

    private static readonly string DockerImage = $$"""
        {
          "schemaVersion": 2,
          "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
          "config": {
            "mediaType": "application/vnd.docker.container.image.v1+json",
            "size": 1469,
            "digest": "{{Config}}"
          },
          "layers": [
            { "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": 3623807, "digest": "{{LayerOne}}" }
          ]
        }
        """;

    private static readonly string OciIndex = $$"""
        {
          "schemaVersion": 2,
          "mediaType": "application/vnd.oci.image.index.v1+json",
          "manifests": [
            {
              "mediaType": "application/vnd.oci.image.manifest.v1+json",
              "digest": "{{ChildAmd64}}",
              "size": 7143,
              "platform": { "architecture": "amd64", "os": "linux" }
            },
            {
              "mediaType": "application/vnd.oci.image.manifest.v1+json",
              "digest": "{{ChildArm64}}",
              "size": 7682,
              "platform": { "architecture": "arm64", "os": "linux", "variant": "v8" }
            }
          ],
          "annotations": { "com.example.key1": "value1" }
        }
        """;

    private static readonly string DockerList = $$"""
        {
          "schemaVersion": 2,
          "mediaType": "application/vnd.docker.distribution.manifest.list.v2+json",
          "manifests": [
            {
              "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
              "digest": "{{ChildAmd64}}",
              "size": 528,
              "platform": { "architecture": "amd64", "os": "linux" }
            }
          ]
        }
        """;

    private static readonly string SignatureArtifact = $$"""
        {
          "schemaVersion": 2,
          "mediaType": "application/vnd.oci.image.manifest.v1+json",
          "artifactType": "application/vnd.example.signature",
          "config": {
            "mediaType": "application/vnd.oci.empty.v1+json",
            "digest": "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
            "size": 2
          },
          "layers": [
            { "mediaType": "application/vnd.example.signature.payload", "digest": "{{LayerOne}}", "size": 120 }
          ],
          "subject": {
            "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "digest": "{{ChildAmd64}}",
            "size": 7143
          }
        }
        """;

    private static Outcome<ManifestDocument> Parse(string json, string? contentType) =>
        ManifestParser.Parse(Encoding.UTF8.GetBytes(json), contentType);

    private static OciError Refused(string json, string? contentType)
    {
        var outcome = Parse(json, contentType);
        Assert.False(outcome.Succeeded);
        Assert.Equal(OciErrorCode.ManifestInvalid, outcome.Error!.Code);
        return outcome.Error;
    }

    [Fact]
    public void Parse_OciImageManifest_ReadsConfigLayersAndAnnotations()
    {
        var document = Parse(OciImage, MediaTypes.OciManifest).Value;

        Assert.Equal(MediaTypes.OciManifest, document.MediaType);
        Assert.False(document.IsIndex);
        Assert.NotNull(document.Config);
        Assert.Equal("application/vnd.oci.image.config.v1+json", document.Config.MediaType);
        Assert.Equal(Config, document.Config.Digest.ToString());
        Assert.Equal(7023, document.Config.Size);
        Assert.Equal([LayerOne, LayerTwo], document.Layers.Select(l => l.Digest.ToString()));
        Assert.Equal([32654L, 16724L], document.Layers.Select(l => l.Size));
        Assert.Empty(document.Manifests);
        Assert.Null(document.Subject);
        Assert.Null(document.ArtifactType);
        Assert.Contains("org.opencontainers.image.created", document.AnnotationsJson);
    }

    [Fact]
    public void Parse_DockerSchema2Manifest_KeepsDockerMediaType()
    {
        var document = Parse(DockerImage, MediaTypes.DockerManifest).Value;

        Assert.Equal(MediaTypes.DockerManifest, document.MediaType);
        Assert.Equal("application/vnd.docker.container.image.v1+json", document.Config!.MediaType);
        Assert.Equal(3623807, Assert.Single(document.Layers).Size);
    }

    [Fact]
    public void Parse_OciIndex_ReadsChildrenAndPlatforms()
    {
        var document = Parse(OciIndex, MediaTypes.OciIndex).Value;

        Assert.Equal(MediaTypes.OciIndex, document.MediaType);
        Assert.True(document.IsIndex);
        Assert.Null(document.Config);
        Assert.Empty(document.Layers);
        Assert.Equal(2, document.Manifests.Count);
        Assert.Equal(new Platform("linux", "amd64"), document.Manifests[0].Platform);
        Assert.Equal(new Platform("linux", "arm64", "v8"), document.Manifests[1].Platform);
        Assert.Equal(ChildArm64, document.Manifests[1].Digest.ToString());
    }

    [Fact]
    public void Parse_DockerManifestList_IsAnIndex()
    {
        var document = Parse(DockerList, MediaTypes.DockerManifestList).Value;

        Assert.Equal(MediaTypes.DockerManifestList, document.MediaType);
        Assert.True(document.IsIndex);
        Assert.Equal(ChildAmd64, Assert.Single(document.Manifests).Digest.ToString());
    }

    [Fact]
    public void Parse_ArtifactWithArtifactTypeAndSubject_ReadsBoth()
    {
        var document = Parse(SignatureArtifact, MediaTypes.OciManifest).Value;

        Assert.Equal("application/vnd.example.signature", document.ArtifactType);
        Assert.Equal("application/vnd.example.signature", document.EffectiveArtifactType);
        Assert.NotNull(document.Subject);
        Assert.Equal(ChildAmd64, document.Subject.Digest.ToString());
        Assert.Equal(7143, document.Subject.Size);
    }

    [Fact]
    public void Parse_ContentTypeWithParameters_MatchesOnEssence() =>
        Assert.True(Parse(OciImage, "application/vnd.oci.image.manifest.v1+json; charset=utf-8").Succeeded);

    [Fact]
    public void Parse_MissingMediaTypeWithoutContentType_InfersImageManifest()
    {
        var json = OciImage.Replace("\"mediaType\": \"application/vnd.oci.image.manifest.v1+json\",", "");
        Assert.DoesNotContain(MediaTypes.OciManifest, json);

        Assert.Equal(MediaTypes.OciManifest, Parse(json, null).Value.MediaType);
    }

    [Fact]
    public void Parse_MissingMediaTypeWithManifestsArray_InfersIndex()
    {
        var json = OciIndex.Replace("\"mediaType\": \"application/vnd.oci.image.index.v1+json\",", "");
        Assert.DoesNotContain(MediaTypes.OciIndex, json);

        var document = Parse(json, "").Value;

        Assert.Equal(MediaTypes.OciIndex, document.MediaType);
        Assert.Equal(2, document.Manifests.Count);
    }

    [Fact]
    public void Parse_MissingMediaType_TakesItFromContentType()
    {
        var json = DockerImage.Replace("\"mediaType\": \"application/vnd.docker.distribution.manifest.v2+json\",", "");

        Assert.Equal(MediaTypes.DockerManifest, Parse(json, MediaTypes.DockerManifest).Value.MediaType);
    }

    [Theory]
    [InlineData(MediaTypes.DockerSchema1)]
    [InlineData(MediaTypes.DockerSchema1Signed)]
    [InlineData("application/vnd.docker.distribution.manifest.v1+prettyjws; charset=utf-8")]
    public void Parse_Schema1ContentType_IsRefusedWithItsMessage(string contentType) =>
        Assert.Equal(Schema1Message, Refused(OciImage, contentType).Message);

    [Fact]
    public void Parse_SchemaVersion1Body_IsRefusedWithItsMessage()
    {
        const string schema1 = """
            {
              "schemaVersion": 1,
              "name": "library/hello",
              "tag": "latest",
              "architecture": "amd64",
              "fsLayers": [ { "blobSum": "sha256:a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4" } ],
              "history": [ { "v1Compatibility": "{}" } ]
            }
            """;

        var error = Refused(schema1, null);

        Assert.Equal(Schema1Message, error.Message);
        Assert.Equal(400, error.Status);
    }

    [Fact]
    public void Parse_Schema1MediaTypeInBody_IsRefusedWithItsMessage()
    {
        var json = DockerImage.Replace(MediaTypes.DockerManifest, MediaTypes.DockerSchema1);

        Assert.Equal(Schema1Message, Refused(json, null).Message);
    }

    [Fact]
    public void Parse_BodyMediaTypeDiffersFromContentType_IsRefusedNamingBoth()
    {
        var error = Refused(OciImage, MediaTypes.DockerManifest);

        Assert.Contains(MediaTypes.OciManifest, error.Message);
        Assert.Contains(MediaTypes.DockerManifest, error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("{\"schemaVersion\": 2,}")]
    public void Parse_InvalidJson_IsRefused(string json) =>
        Assert.StartsWith("manifest is not valid JSON", Refused(json, MediaTypes.OciManifest).Message);

    [Theory]
    [InlineData(" x")]
    [InlineData(" {}")]
    [InlineData("\n]")]
    public void Parse_ContentAfterTheJsonObject_IsRefused(string trailer) =>
        Assert.StartsWith("manifest is not valid JSON", Refused(OciImage + trailer, MediaTypes.OciManifest).Message);

    [Fact]
    public void Parse_TrailingWhitespace_IsAccepted() =>
        Assert.True(Parse(OciImage + "\n\t  \r\n", MediaTypes.OciManifest).Succeeded);

    [Fact]
    public void Parse_JsonArray_IsRefused() =>
        Assert.Equal("manifest must be a JSON object", Refused("[]", null).Message);

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"schemaVersion\": \"2\"}")]
    public void Parse_WithoutNumericSchemaVersion_IsRefused(string json) =>
        Assert.Equal("manifest has no numeric schemaVersion", Refused(json, null).Message);

    [Fact]
    public void Parse_SchemaVersion3_IsRefused() =>
        Assert.Contains("unsupported schemaVersion 3", Refused(OciImage.Replace("\"schemaVersion\": 2", "\"schemaVersion\": 3"), null).Message);

    [Fact]
    public void Parse_EmptyMediaType_IsRefused() =>
        Assert.Equal("manifest mediaType is empty", Refused(OciImage.Replace(MediaTypes.OciManifest, ""), null).Message);

    [Fact]
    public void Parse_UnknownMediaType_IsRefused() =>
        Assert.Contains("unsupported manifest media type 'application/json'", Refused(OciImage.Replace(MediaTypes.OciManifest, "application/json"), null).Message);

    [Fact]
    public void Parse_ConfigWithUppercaseDigest_IsRefusedNamingTheConfig()
    {
        var json = OciImage.Replace(Config, Config.ToUpperInvariant().Replace("SHA256", "sha256"));

        var error = Refused(json, MediaTypes.OciManifest);

        Assert.StartsWith("config has an invalid digest", error.Message);
    }

    [Fact]
    public void Parse_LayerWithUnknownDigestAlgorithm_IsRefusedNamingTheLayer()
    {
        var json = OciImage.Replace(LayerTwo, "md5:d41d8cd98f00b204e9800998ecf8427e");

        Assert.Equal("layers[1] has an invalid digest 'md5:d41d8cd98f00b204e9800998ecf8427e'", Refused(json, MediaTypes.OciManifest).Message);
    }

    [Fact]
    public void Parse_IndexChildWithoutDigest_IsRefused() =>
        Assert.StartsWith("manifests[0] has an invalid digest", Refused(OciIndex.Replace($"\"digest\": \"{ChildAmd64}\",", ""), null).Message);

    [Theory]
    [InlineData("-1")]
    [InlineData("\"32654\"")]
    [InlineData("1.5")]
    [InlineData("null")]
    public void Parse_LayerWithInvalidSize_IsRefused(string size)
    {
        var json = OciImage.Replace("\"size\": 32654", $"\"size\": {size}");

        Assert.Equal("layers[0] has no valid size", Refused(json, MediaTypes.OciManifest).Message);
    }

    [Fact]
    public void Parse_DescriptorWithoutMediaType_IsRefused() =>
        Assert.Equal("config has no mediaType", Refused(OciImage.Replace("\"mediaType\": \"application/vnd.oci.image.config.v1+json\",", ""), null).Message);

    [Fact]
    public void Parse_SubjectWithInvalidDigest_IsRefused() =>
        Assert.StartsWith("subject has an invalid digest", Refused(SignatureArtifact.Replace($"\"digest\": \"{ChildAmd64}\"", "\"digest\": \"sha256:abc\""), null).Message);

    [Fact]
    public void Parse_ImageManifestWithoutConfig_IsRefused()
    {
        const string json = """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","layers":[]}""";

        Assert.Equal("image manifest has no config descriptor", Refused(json, null).Message);
    }

    [Fact]
    public void Parse_DockerManifestWithoutLayers_IsRefused()
    {
        var json = $$"""{"schemaVersion":2,"mediaType":"{{MediaTypes.DockerManifest}}","config":{"mediaType":"application/vnd.docker.container.image.v1+json","digest":"{{Config}}","size":1} }""";

        Assert.Equal("Docker image manifest has no 'layers'", Refused(json, null).Message);
    }

    [Fact]
    public void Parse_OciManifestWithoutLayers_IsAccepted()
    {
        var json = $$"""{"schemaVersion":2,"mediaType":"{{MediaTypes.OciManifest}}","config":{"mediaType":"application/vnd.oci.empty.v1+json","digest":"{{Config}}","size":2} }""";

        Assert.Empty(Parse(json, null).Value.Layers);
    }

    [Fact]
    public void Parse_ImageManifestWithManifestsArray_IsRefused()
    {
        var json = OciImage.Replace("\"layers\":", "\"manifests\": [], \"layers\":");

        Assert.Equal("an image manifest must not have 'manifests'", Refused(json, null).Message);
    }

    [Fact]
    public void Parse_IndexWithoutManifestsArray_IsRefused() =>
        Assert.Equal("index has no 'manifests' array", Refused("""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json"}""", null).Message);
}
