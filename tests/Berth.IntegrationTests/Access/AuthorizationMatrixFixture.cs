using System.Net;
using System.Text;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Access;

/// <summary>
/// One server for the authorization matrix: a public and a private project, a member of each Harbor role in both,
/// a user with no membership, a pull+push robot per project, and <c>&lt;project&gt;/app</c> holding <c>v1</c> and
/// one <c>del-&lt;principal&gt;</c> tag per principal (each on its own manifest, so deletes never interfere).
/// </summary>
public sealed class AuthorizationMatrixFixture : IAsyncLifetime
{
    public const string PublicProject = "matpub";
    public const string PrivateProject = "matpriv";
    public static readonly string[] Projects = [PublicProject, PrivateProject];

    /// <summary>Member usernames and their Harbor role ids (projectAdmin=1, developer=2, guest=3, maintainer=4, limitedGuest=5).</summary>
    public static readonly (string Name, int Role)[] Members = [("pa", 1), ("ma", 4), ("dev", 2), ("gu", 3), ("lg", 5)];
    public const string Outsider = "outsider";
    public static readonly string[] Principals = ["anonymous", "outsider", "lg", "gu", "dev", "ma", "pa", "robot", "admin"];

    private readonly Dictionary<string, (string Name, string Secret)> _robots = new();

    public BerthServer Server { get; private set; } = null!;

    public static string PasswordOf(string user) => $"Matrix-{user}-Passw0rd";

    public async Task InitializeAsync()
    {
        Server = await BerthServer.StartAsync();
        using var admin = Server.CreateClient();
        foreach (var user in Members.Select(m => m.Name).Append(Outsider))
            await ExpectAsync(admin.PostAsync("api/v2.0/users", Json(
                $$"""{"username":"{{user}}","password":"{{PasswordOf(user)}}","email":"{{user}}@example.com","realname":"{{user}}","comment":"matrix"}""")),
                HttpStatusCode.Created);

        var registry = new RegistryHttp(admin);
        foreach (var project in Projects)
        {
            await Server.EnsureProjectAsync(project, isPublic: project == PublicProject);
            foreach (var (name, role) in Members)
                await ExpectAsync(admin.PostAsync($"api/v2.0/projects/{project}/members",
                    Json($$$"""{"role_id":{{{role}}},"member_user":{"username":"{{{name}}}"}}""")), HttpStatusCode.Created);

            var repository = $"{project}/app";
            var layer = TestContent.Random(1024, seed: 7);
            var layerDigest = await registry.PushBlobOrFailAsync(repository, layer);
            foreach (var tag in Principals.Select(p => $"del-{p}").Prepend("v1"))
            {
                var config = TestManifests.Config($"{project}-{tag}");
                var configDigest = await registry.PushBlobOrFailAsync(repository, config);
                var manifest = TestManifests.Image((configDigest, config.Length), (layerDigest, layer.Length));
                await ExpectAsync(registry.PutManifestAsync(repository, tag, manifest, TestManifests.OciManifest), HttpStatusCode.Created);
            }

            var robot = await RobotApi.CreateAsync(admin, RobotApi.Body("matrix", "project", -1,
                RobotApi.Permission("project", project, "repository:pull", "repository:push")));
            _robots[project] = (robot.Name, robot.Secret);
        }
    }

    /// <summary>A client acting as <paramref name="principal"/> on <paramref name="project"/> (the robot is that project's).</summary>
    public HttpClient ClientFor(string principal, string project) => principal switch
    {
        "anonymous" => Server.CreateAnonymousClient(),
        "admin" => Server.CreateClient(),
        "robot" => RobotApi.ClientAs(Server, _robots[project].Name, _robots[project].Secret),
        _ => RobotApi.ClientAs(Server, principal, PasswordOf(principal)),
    };

    public async Task DisposeAsync() => await Server.DisposeAsync();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task ExpectAsync(Task<HttpResponseMessage> call, HttpStatusCode expected)
    {
        using var response = await call;
        await RegistryHttp.EnsureStatusAsync(response, expected);
    }
}
