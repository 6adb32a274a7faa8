using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Berth.IntegrationTests.Api;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Policy;

/// <summary><c>/api/v2.0/projects/{project}/signature-keys</c>: who may read and write, validation, and the audit trail.</summary>
public sealed class ContentTrustKeysApiTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>
{
    private BerthServer Server => fixture.Server;

    private static StringContent Body(string name, string usage, string pem) =>
        ApiCalls.Json(JsonSerializer.Serialize(new { name, usage, pem }));

    [Fact]
    public async Task Add_List_Get_Delete_AreAuditedAndShowTheKey()
    {
        var project = ApiCalls.UniqueName("keys");
        await Server.EnsureProjectAsync(project);
        using var admin = Server.CreateClient();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var pem = key.ExportSubjectPublicKeyInfoPem();

        using var created = await admin.PostAsync($"api/v2.0/projects/{project}/signature-keys", Body("release", "cosign", pem));
        var json = await ApiCalls.ReadJsonAsync(created);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("ecdsa-p384", json.GetProperty("algorithm").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo())), json.GetProperty("fingerprint").GetString());
        Assert.Equal("admin", json.GetProperty("creator").GetString());
        var id = json.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v2.0/projects/{project}/signature-keys/{id}", created.Headers.Location!.ToString());

        var listed = await ApiCalls.ReadJsonAsync(await admin.GetAsync($"api/v2.0/projects/{project}/signature-keys"));
        Assert.Equal("release", Assert.Single(listed.EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal("cosign", (await ApiCalls.ReadJsonAsync(await admin.GetAsync($"api/v2.0/projects/{project}/signature-keys/{id}"))).GetProperty("usage").GetString());

        using (var deleted = await admin.DeleteAsync($"api/v2.0/projects/{project}/signature-keys/{id}"))
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        using (var again = await admin.DeleteAsync($"api/v2.0/projects/{project}/signature-keys/{id}"))
            Assert.Equal($"signature key {id} not found in project {project}", await ApiCalls.ErrorMessageAsync(again, HttpStatusCode.NotFound));
        Assert.Empty((await ApiCalls.ReadJsonAsync(await admin.GetAsync($"api/v2.0/projects/{project}/signature-keys"))).EnumerateArray());

        // The audit log lands in batches after the requests it records.
        List<string?> logs = [];
        await Poll.UntilAsync(async () =>
        {
            var entries = await ApiCalls.ReadJsonAsync(await admin.GetAsync($"api/v2.0/projects/{project}/logs"));
            logs = entries.EnumerateArray().Where(e => e.GetProperty("resource_type").GetString() == "signature-key")
                .Select(e => e.GetProperty("operation").GetString()).ToList();
            return logs.Count == 2;
        }, TimeSpan.FromSeconds(30), "the signature-key audit entries");
        Assert.Equal(["delete", "create"], logs);
    }

    [Theory]
    [InlineData("bad name!", "cosign", "valid", "name 'bad name!' is invalid")]
    [InlineData("release", "gpg", "valid", "usage 'gpg' is invalid: give \"cosign\" or \"notation\"")]
    [InlineData("release", "cosign", "private", "pem: the PEM block is a PRIVATE KEY: give the public key, never the private one")]
    [InlineData("release", "notation", "garbage", "pem: the key is not PEM")]
    public async Task Add_BadInput_Is400NamingTheProblem_AndStoresNothing(string name, string usage, string pemKind, string expected)
    {
        var project = ApiCalls.UniqueName("keys");
        await Server.EnsureProjectAsync(project);
        using var admin = Server.CreateClient();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = pemKind switch { "valid" => key.ExportSubjectPublicKeyInfoPem(), "private" => key.ExportPkcs8PrivateKeyPem(), _ => "not a key" };

        using var response = await admin.PostAsync($"api/v2.0/projects/{project}/signature-keys", Body(name, usage, pem));

        Assert.StartsWith(expected, await ApiCalls.ErrorMessageAsync(response, HttpStatusCode.BadRequest));
        Assert.Empty((await ApiCalls.ReadJsonAsync(await admin.GetAsync($"api/v2.0/projects/{project}/signature-keys"))).EnumerateArray());
    }

    [Fact]
    public async Task Add_TheSameKeyTwice_Is409()
    {
        var project = ApiCalls.UniqueName("keys");
        await Server.EnsureProjectAsync(project);
        using var admin = Server.CreateClient();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using (var first = await admin.PostAsync($"api/v2.0/projects/{project}/signature-keys", Body("one", "cosign", key.ExportSubjectPublicKeyInfoPem())))
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var second = await admin.PostAsync($"api/v2.0/projects/{project}/signature-keys", Body("two", "cosign", key.ExportSubjectPublicKeyInfoPem()));

        Assert.Equal($"project {project} already trusts this key for cosign, as one", await ApiCalls.ErrorMessageAsync(second, HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Developers_MayRead_ButNotWrite_MaintainersMayWrite()
    {
        var project = ApiCalls.UniqueName("keys");
        await Server.EnsureProjectAsync(project);
        var developer = ApiCalls.UniqueName("dev");
        var maintainer = ApiCalls.UniqueName("mnt");
        const string password = "Member-Pass-1";
        await ApiCalls.CreateUserAsync(Server, developer, password);
        await ApiCalls.CreateUserAsync(Server, maintainer, password);
        using var admin = Server.CreateClient();
        foreach (var (user, role) in new[] { (developer, 2), (maintainer, 4) })
        {
            using var add = await admin.PostAsync($"api/v2.0/projects/{project}/members",
                ApiCalls.Json($$$"""{"role_id":{{{role}}},"member_user":{"username":"{{{user}}}"}}"""));
            Assert.Equal(HttpStatusCode.Created, add.StatusCode);
        }
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var asDeveloper = ApiCalls.SignedIn(Server, developer, password);
        using var asMaintainer = ApiCalls.SignedIn(Server, maintainer, password);

        using (var refused = await asDeveloper.PostAsync($"api/v2.0/projects/{project}/signature-keys", Body("dev", "cosign", key.ExportSubjectPublicKeyInfoPem())))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using (var allowed = await asMaintainer.PostAsync($"api/v2.0/projects/{project}/signature-keys", Body("mnt", "cosign", key.ExportSubjectPublicKeyInfoPem())))
            Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        Assert.Single((await ApiCalls.ReadJsonAsync(await asDeveloper.GetAsync($"api/v2.0/projects/{project}/signature-keys"))).EnumerateArray());
        using var anonymous = Server.CreateAnonymousClient();
        using (var hidden = await anonymous.GetAsync($"api/v2.0/projects/{project}/signature-keys"))
            Assert.Equal(HttpStatusCode.Unauthorized, hidden.StatusCode);
    }
}
