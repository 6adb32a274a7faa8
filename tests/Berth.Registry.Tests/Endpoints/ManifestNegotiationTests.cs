using System.Text;
using Berth.Core;
using Berth.Registry.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Berth.Registry.Tests.Endpoints;

public sealed class ManifestNegotiationTests
{
    private static readonly Digest Amd64 = Digest.Compute("amd64"u8);
    private static readonly Digest Arm64 = Digest.Compute("arm64"u8);

    private static HttpRequest Request(params string[] accept)
    {
        var request = new DefaultHttpContext().Request;
        if (accept.Length > 0) request.Headers.Accept = new StringValues(accept);
        return request;
    }

    [Fact]
    public void Accepts_NoAcceptHeader_AcceptsAnything() =>
        Assert.True(ManifestNegotiation.Accepts(Request(), MediaTypes.DockerManifestList));

    [Fact]
    public void Accepts_EmptyAcceptHeader_AcceptsAnything() =>
        Assert.True(ManifestNegotiation.Accepts(Request(""), MediaTypes.OciIndex));

    [Theory]
    [InlineData("*/*")]
    [InlineData("application/*")]
    [InlineData("text/html, */*;q=0.1")]
    public void Accepts_Wildcards_AcceptEveryManifestType(string accept)
    {
        Assert.True(ManifestNegotiation.Accepts(Request(accept), MediaTypes.OciManifest));
        Assert.True(ManifestNegotiation.Accepts(Request(accept), MediaTypes.DockerManifestList));
    }

    [Fact]
    public void Accepts_ExactType_AcceptsOnlyThatType()
    {
        var request = Request(MediaTypes.OciManifest);

        Assert.True(ManifestNegotiation.Accepts(request, MediaTypes.OciManifest));
        Assert.False(ManifestNegotiation.Accepts(request, MediaTypes.DockerManifest));
        Assert.False(ManifestNegotiation.Accepts(request, MediaTypes.OciIndex));
    }

    [Fact]
    public void Accepts_TypesWithQualityParameters_MatchOnTheirEssence()
    {
        var request = Request($"{MediaTypes.OciManifest};q=0.9, {MediaTypes.DockerManifest} ; q=0.5");

        Assert.True(ManifestNegotiation.Accepts(request, MediaTypes.OciManifest));
        Assert.True(ManifestNegotiation.Accepts(request, MediaTypes.DockerManifest));
        Assert.False(ManifestNegotiation.Accepts(request, MediaTypes.DockerManifestList));
    }

    [Fact]
    public void Accepts_SeveralAcceptHeaders_AcceptsTheTypesOfEach()
    {
        var request = Request(MediaTypes.DockerManifest, $"{MediaTypes.OciIndex}, {MediaTypes.OciManifest}");

        Assert.True(ManifestNegotiation.Accepts(request, MediaTypes.DockerManifest));
        Assert.True(ManifestNegotiation.Accepts(request, MediaTypes.OciIndex));
        Assert.True(ManifestNegotiation.Accepts(request, MediaTypes.OciManifest));
        Assert.False(ManifestNegotiation.Accepts(request, MediaTypes.DockerManifestList));
    }

    [Fact]
    public void Accepts_TypeWithQualityZero_IsRefused()
    {
        var request = Request($"{MediaTypes.OciManifest};q=0, {MediaTypes.DockerManifest}");

        Assert.False(ManifestNegotiation.Accepts(request, MediaTypes.OciManifest));
        Assert.True(ManifestNegotiation.Accepts(request, MediaTypes.DockerManifest));
    }

    [Fact]
    public void Accepts_TypeInOtherCase_Matches() =>
        Assert.True(ManifestNegotiation.Accepts(Request("Application/VND.Docker.Distribution.Manifest.V2+JSON"), MediaTypes.DockerManifest));

    private static byte[] List(params string[] entries) =>
        Encoding.UTF8.GetBytes($$"""{"schemaVersion":2,"mediaType":"{{MediaTypes.DockerManifestList}}","manifests":[{{string.Join(",", entries)}}]}""");

    private static string Entry(Digest digest, string platform) =>
        $$"""{"mediaType":"{{MediaTypes.DockerManifest}}","digest":"{{digest}}","size":528,"platform":{{platform}}}""";

    [Fact]
    public void DefaultPlatform_ListWithLinuxAmd64_IsThatEntry()
    {
        var list = List(
            Entry(Arm64, """{"architecture":"arm64","os":"linux","variant":"v8"}"""),
            Entry(Amd64, """{"architecture":"amd64","os":"linux"}"""));

        Assert.Equal(Amd64, ManifestNegotiation.DefaultPlatform(list));
    }

    [Fact]
    public void DefaultPlatform_ListWithoutLinuxAmd64_IsNull()
    {
        var list = List(
            Entry(Arm64, """{"architecture":"arm64","os":"linux"}"""),
            Entry(Amd64, """{"architecture":"amd64","os":"windows"}"""));

        Assert.Null(ManifestNegotiation.DefaultPlatform(list));
    }

    [Fact]
    public void DefaultPlatform_EntryWithoutPlatform_IsSkipped()
    {
        var list = List(
            $$"""{"mediaType":"{{MediaTypes.DockerManifest}}","digest":"{{Arm64}}","size":528}""",
            Entry(Amd64, """{"architecture":"amd64","os":"linux"}"""));

        Assert.Equal(Amd64, ManifestNegotiation.DefaultPlatform(list));
    }

    [Fact]
    public void DefaultPlatform_PlatformFieldsThatAreNotStrings_AreSkipped()
    {
        var list = List(
            Entry(Arm64, """{"architecture":null,"os":1}"""),
            Entry(Amd64, """{"architecture":"amd64","os":"linux"}"""));

        Assert.Equal(Amd64, ManifestNegotiation.DefaultPlatform(list));
    }

    [Fact]
    public void DefaultPlatform_NoManifests_IsNull() =>
        Assert.Null(ManifestNegotiation.DefaultPlatform("""{"schemaVersion":2}"""u8.ToArray()));
}
