using System.Net;
using System.Text;

namespace Berth.IntegrationTests.Access;

/// <summary>
/// Who may do what, cell by cell: every principal against a public and a private project, for /v2 and
/// /api/v2.0 actions, with the exact status Harbor's role matrix (rbac_role.go, public-project policies) implies.
/// Anonymous callers get 401 where access is needed; signed-in callers without it get 403.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixFixture fixture) : IClassFixture<AuthorizationMatrixFixture>
{
    /// <summary>
    /// The expected table. Each cell is "public/private". Columns follow <see cref="AuthorizationMatrixFixture.Principals"/>;
    /// the robot is a project robot of the project under test with repository pull and push only.
    /// One deliberate departure from Harbor: /api/v2.0 answers a signed-in caller who cannot see a private project
    /// with 404 (ProjectGate hides its existence) where Harbor answers 403; /v2 answers 403 as Harbor does.
    /// </summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        //                             anonymous outsider lg      gu      dev     ma      pa      robot   admin
        ["v2 pull manifest"]       = "200/401 200/403 200/200 200/200 200/200 200/200 200/200 200/200 200/200",
        ["v2 push (start upload)"] = "401/401 403/403 403/403 403/403 202/202 202/202 202/202 202/202 202/202",
        ["v2 delete tag"]          = "401/401 403/403 403/403 403/403 403/403 202/202 202/202 403/403 202/202",
        ["v2 list tags"]           = "200/401 200/403 200/200 200/200 200/200 200/200 200/200 200/200 200/200",
        ["api get project"]        = "200/401 200/404 200/200 200/200 200/200 200/200 200/200 200/403 200/200",
        ["api list repositories"]  = "200/401 200/404 200/200 200/200 200/200 200/200 200/200 200/403 200/200",
        ["api list members"]       = "401/401 403/404 403/403 200/200 200/200 200/200 200/200 403/403 200/200",
        ["api update metadata"]    = "401/401 403/404 403/403 403/403 403/403 403/403 200/200 403/403 200/200",
    };

    public static TheoryData<string, string, string, int> Cells()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var (action, row) in Expected)
        {
            var cells = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(AuthorizationMatrixFixture.Principals.Length, cells.Length);
            for (var i = 0; i < cells.Length; i++)
            {
                var statuses = cells[i].Split('/');
                data.Add(AuthorizationMatrixFixture.Principals[i], AuthorizationMatrixFixture.PublicProject, action, int.Parse(statuses[0]));
                data.Add(AuthorizationMatrixFixture.Principals[i], AuthorizationMatrixFixture.PrivateProject, action, int.Parse(statuses[1]));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Status_MatchesHarborRoleMatrix(string principal, string project, string action, int expected)
    {
        using var client = fixture.ClientFor(principal, project);
        using var request = Request(principal, project, action);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expected,
            $"{principal} {action} on {project}: expected {expected}, got {(int)response.StatusCode}: {body}");
    }

    private static HttpRequestMessage Request(string principal, string project, string action) => action switch
    {
        "v2 pull manifest" => WithAccept(new HttpRequestMessage(HttpMethod.Get, $"v2/{project}/app/manifests/v1")),
        "v2 push (start upload)" => new HttpRequestMessage(HttpMethod.Post, $"v2/{project}/app/blobs/uploads/"),
        "v2 delete tag" => new HttpRequestMessage(HttpMethod.Delete, $"v2/{project}/app/manifests/del-{principal}"),
        "v2 list tags" => new HttpRequestMessage(HttpMethod.Get, $"v2/{project}/app/tags/list"),
        "api get project" => new HttpRequestMessage(HttpMethod.Get, $"api/v2.0/projects/{project}"),
        "api list repositories" => new HttpRequestMessage(HttpMethod.Get, $"api/v2.0/projects/{project}/repositories"),
        "api list members" => new HttpRequestMessage(HttpMethod.Get, $"api/v2.0/projects/{project}/members"),
        "api update metadata" => new HttpRequestMessage(HttpMethod.Put, $"api/v2.0/projects/{project}/metadatas/auto_scan")
        {
            Content = new StringContent("""{"auto_scan":"true"}""", Encoding.UTF8, "application/json"),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private static HttpRequestMessage WithAccept(HttpRequestMessage request)
    {
        request.Headers.TryAddWithoutValidation("Accept", "application/vnd.oci.image.manifest.v1+json");
        return request;
    }
}
