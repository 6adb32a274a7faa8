using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Berth.IntegrationTests.Api;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Policy;

/// <summary>
/// Content trust end to end: a real image pushed with skopeo, the project's cosign/notation switches, real signature
/// manifests pushed over /v2, pulls with skopeo and plain HTTP, and trusted keys through the API.
/// </summary>
public sealed class ContentTrustPullTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("berth-it-trust-").FullName;
    private readonly ECDsa _signer = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private BerthServer Server => fixture.Server;

    public void Dispose()
    {
        _signer.Dispose();
        _stranger.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    private async Task<(string Project, string Repository, string Digest)> ImageInProjectAsync(string metadataKey)
    {
        var project = ApiCalls.UniqueName("trust");
        await Server.EnsureProjectAsync(project);
        var repository = $"{project}/web";
        var digest = await ApiImage.PushAsync(Server, repository, "v1");
        using var admin = Server.CreateClient();
        using var update = await admin.PutAsync($"api/v2.0/projects/{project}", ApiCalls.Json($$$"""{"metadata":{"{{{metadataKey}}}":"true"}}"""));
        Assert.True(update.IsSuccessStatusCode, await update.Content.ReadAsStringAsync());
        return (project, repository, digest);
    }

    private async Task<ToolResult> SkopeoPullAsync(string repository, string reference) =>
        await Tool.RunAsync("skopeo",
            ["copy", "--src-tls-verify=false", $"docker://{Server.Host}/{repository}{reference}", $"oci:{Path.Combine(_work, Guid.NewGuid().ToString("N"))}:x"],
            TimeSpan.FromMinutes(5));

    private async Task<(HttpStatusCode Status, string Body)> GetManifestAsync(HttpClient client, string repository, string reference)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v2/{repository}/manifests/{reference}");
        request.Headers.TryAddWithoutValidation("Accept", "application/vnd.oci.image.manifest.v1+json");
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task TrustAsync(string project, string usage, string pem)
    {
        using var admin = Server.CreateClient();
        using var response = await admin.PostAsync($"api/v2.0/projects/{project}/signature-keys",
            ApiCalls.Json(JsonSerializer.Serialize(new { name = "release", usage, pem })));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Cosign_UnsignedPullFails412_SignedPullSucceeds_AndTheSignatureIsPullable()
    {
        var (_, repository, digest) = await ImageInProjectAsync("enable_content_trust_cosign");
        using var admin = Server.CreateClient();

        var refused = await SkopeoPullAsync(repository, ":v1");
        Assert.False(refused.Succeeded, refused.ToString());
        Assert.Contains("The image is not signed by cosign.", refused.Error);
        var (status, body) = await GetManifestAsync(admin, repository, digest);
        Assert.Equal(HttpStatusCode.PreconditionFailed, status);
        Assert.Contains("PROJECTPOLICYVIOLATION", body);

        var signature = await ContentTrustSignatures.PushCosignAsync(admin, repository, digest, _stranger);

        var allowed = await SkopeoPullAsync(repository, ":v1");
        Assert.True(allowed.Succeeded, allowed.ToString());
        Assert.Equal(HttpStatusCode.OK, (await GetManifestAsync(admin, repository, signature)).Status);
    }

    [Fact]
    public async Task Cosign_WithATrustedKey_ASignatureByAnotherKeyIsRefused_AndOneByTheKeyAllowed()
    {
        var (project, repository, digest) = await ImageInProjectAsync("enable_content_trust_cosign");
        await TrustAsync(project, "cosign", _signer.ExportSubjectPublicKeyInfoPem());
        using var admin = Server.CreateClient();

        await ContentTrustSignatures.PushCosignAsync(admin, repository, digest, _stranger);
        var refused = await SkopeoPullAsync(repository, ":v1");
        Assert.False(refused.Succeeded, refused.ToString());
        Assert.Contains($"The image is not signed by cosign with a key project {project} trusts", refused.Error);

        // Re-pushing the .sig tag replaces the signature, as cosign does.
        await ContentTrustSignatures.PushCosignAsync(admin, repository, digest, _signer);
        var allowed = await SkopeoPullAsync(repository, $"@{digest}");
        Assert.True(allowed.Succeeded, allowed.ToString());
    }

    [Fact]
    public async Task Notation_UnsignedRefused_ByAnotherKeyRefused_ByTheTrustedCertificateAllowed()
    {
        var (project, repository, digest) = await ImageInProjectAsync("enable_content_trust");
        using var admin = Server.CreateClient();
        var size = await ManifestSizeAsync(digest);

        var (unsigned, body) = await GetManifestAsync(admin, repository, "v1");
        Assert.Equal(HttpStatusCode.PreconditionFailed, unsigned);
        Assert.Contains("The image is not signed by notation.", body);

        await TrustAsync(project, "notation", ContentTrustSignatures.CertificatePem(_signer));
        var foreign = await ContentTrustSignatures.PushNotationAsync(admin, repository, digest, size, _stranger);
        var (refused, message) = await GetManifestAsync(admin, repository, "v1");
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused);
        Assert.Contains($"The image is not signed by notation with a key project {project} trusts", message);
        Assert.Equal(HttpStatusCode.OK, (await GetManifestAsync(admin, repository, foreign)).Status);

        await ContentTrustSignatures.PushNotationAsync(admin, repository, digest, size, _signer);
        var allowed = await SkopeoPullAsync(repository, ":v1");
        Assert.True(allowed.Succeeded, allowed.ToString());
    }

    [Fact]
    public async Task DeletingTheSubject_DeletesItsSignatures()
    {
        var (_, repository, digest) = await ImageInProjectAsync("enable_content_trust");
        using var admin = Server.CreateClient();
        var size = await ManifestSizeAsync(digest);
        var cosign = await ContentTrustSignatures.PushCosignAsync(admin, repository, digest, _signer);
        var notation = await ContentTrustSignatures.PushNotationAsync(admin, repository, digest, size, _signer);

        using (var delete = await admin.DeleteAsync($"v2/{repository}/manifests/{digest}"))
            Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await GetManifestAsync(admin, repository, cosign)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetManifestAsync(admin, repository, notation)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetManifestAsync(admin, repository, $"sha256-{digest["sha256:".Length..]}.sig")).Status);
        using var tags = await admin.GetAsync($"v2/{repository}/tags/list");
        Assert.DoesNotContain(".sig", await tags.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DeletingTheSubjectThroughTheApi_DeletesItsSignatures()
    {
        var (project, repository, digest) = await ImageInProjectAsync("enable_content_trust_cosign");
        using var admin = Server.CreateClient();
        var cosign = await ContentTrustSignatures.PushCosignAsync(admin, repository, digest, _signer);

        using (var delete = await admin.DeleteAsync($"api/v2.0/projects/{project}/repositories/web/artifacts/{digest}"))
            Assert.Equal(HttpStatusCode.OK, delete.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await GetManifestAsync(admin, repository, cosign)).Status);
    }

    /// <summary>The image's manifest size, from the layout it was pushed from (the same bytes Berth stores).</summary>
    private static async Task<long> ManifestSizeAsync(string digest) =>
        new FileInfo((await TestImages.LayoutAsync()).BlobPath(digest)).Length;
}
