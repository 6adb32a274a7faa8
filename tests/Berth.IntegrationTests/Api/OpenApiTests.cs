using System.Net;
using System.Text.Json;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Api;

public sealed class OpenApiTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>
{
    [Fact]
    public async Task OpenApiDocument_ListsTheMappedPathsWithTheirMethods()
    {
        using var client = fixture.Server.CreateAnonymousClient();

        using var response = await client.GetAsync("api/v2.0/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString());
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.GetProperty("/projects").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/projects").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/projects/{project}").TryGetProperty("delete", out _));
        Assert.True(paths.GetProperty("/robots").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/users/current").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/system/CVEAllowlist").TryGetProperty("put", out _));
        Assert.False(paths.TryGetProperty("/nonexistent", out _));
    }

    [Fact]
    public async Task CveAllowlist_AdminSetsItAndSignedInUsersReadIt()
    {
        using var admin = fixture.Server.CreateClient();
        using var anonymous = fixture.Server.CreateAnonymousClient();

        using var put = await admin.PutAsync("api/v2.0/system/CVEAllowlist", new StringContent(
            """{"expires_at":4102444800,"items":[{"cve_id":"CVE-2021-44228"},{"cve_id":"CVE-2014-0160"}]}""",
            System.Text.Encoding.UTF8, "application/json"));
        using var duplicate = await admin.PutAsync("api/v2.0/system/CVEAllowlist", new StringContent(
            """{"items":[{"cve_id":"CVE-1"},{"cve_id":"CVE-1"}]}""", System.Text.Encoding.UTF8, "application/json"));
        using var read = await admin.GetAsync("api/v2.0/system/CVEAllowlist");
        using var anonymousRead = await anonymous.GetAsync("api/v2.0/system/CVEAllowlist");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        using var list = JsonDocument.Parse(await read.Content.ReadAsStringAsync());
        Assert.Equal(4102444800, list.RootElement.GetProperty("expires_at").GetInt64());
        Assert.Equal(["CVE-2021-44228", "CVE-2014-0160"],
            list.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("cve_id").GetString()!).ToArray());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousRead.StatusCode);
    }
}
