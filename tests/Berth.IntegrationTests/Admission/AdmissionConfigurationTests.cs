using System.Net;
using System.Text;
using Berth.IntegrationTests.Api;
using Berth.IntegrationTests.Infrastructure;
using static Berth.IntegrationTests.Admission.AdmissionWebhookTests;

namespace Berth.IntegrationTests.Admission;

/// <summary>Servers started with Gatekeeper constraint files, and the registry policy applied at admission.</summary>
public sealed class AdmissionConfigurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("berth-it-admission-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task GatekeeperConstraintFiles_AreEnforcedAsWritten()
    {
        File.WriteAllText(Path.Combine(_directory, "template.yaml"), "apiVersion: templates.gatekeeper.sh/v1\nkind: ConstraintTemplate\nmetadata: {name: k8sallowedrepos}\n");
        File.WriteAllText(Path.Combine(_directory, "constraints.yaml"), """
            apiVersion: constraints.gatekeeper.sh/v1beta1
            kind: K8sAllowedRepos
            metadata:
              name: require-harbor-repo
            spec:
              match:
                kinds: [{apiGroups: [""], kinds: ["Pod"]}]
                excludedNamespaces: ["kube-*"]
              parameters:
                repos: ["registry.example.com"]
            ---
            apiVersion: constraints.gatekeeper.sh/v1beta1
            kind: K8sAllowedRepos
            metadata: {name: prefer-pinned}
            spec:
              enforcementAction: warn
              parameters: {repos: ["registry.example.com/prod/"]}
            """);
        await using var server = await BerthServer.StartAsync(new Dictionary<string, string> { ["BERTH__Admission__Constraints"] = _directory });

        var response = await PostAsync(server, Review("uid-1", "Pod", """{"containers":[{"name":"unsafe-container","image":"nginx"}]}"""));
        Assert.Equal(
            "[denied by require-harbor-repo] container \"unsafe-container\" has an invalid image repo \"docker.io/library/nginx:latest\", allowed repos are [\"registry.example.com\"]",
            DenyMessage(response).Split('\n')[0]);

        // A Deployment's template is checked by the Pod constraint too; the warn constraint only warns.
        var allowed = await PostAsync(server, Review("uid-2", "Deployment", """{"containers":[{"name":"web","image":"registry.example.com/dev/web:1"}]}"""));
        Assert.True(allowed.GetProperty("allowed").GetBoolean());
        Assert.Equal(
            "[denied by prefer-pinned] container \"web\" has an invalid image repo \"registry.example.com/dev/web:1\", allowed repos are [\"registry.example.com/prod/\"]",
            allowed.GetProperty("warnings")[0].GetString());
    }

    [Fact]
    public async Task InvalidConstraintFile_StopsTheServerAtStart_NamingKeyFileAndField()
    {
        var file = Path.Combine(_directory, "bad.yaml");
        File.WriteAllText(file, "apiVersion: constraints.gatekeeper.sh/v1beta1\nkind: K8sAllowedRepos\nmetadata: {name: x}\nspec:\n  enforcementAction: block\n  parameters: {repos: [a.io]}\n");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            BerthServer.StartAsync(new Dictionary<string, string> { ["BERTH__Admission__Constraints"] = file }));

        Assert.Contains($"Admission:Constraints: {file}, document 1 (line 1): spec.enforcementAction is 'block'; expected deny, warn or dryrun", error.Message);
        Assert.Contains("exited with 2", error.Message);
    }

    /// <summary>
    /// Needs the unscanned/vulnerability check (IPolicyCheck for prevent_vul) another helper adds: without it the
    /// project's policy enables nothing Berth can check, and the image is admitted.
    /// </summary>
    [Fact]
    public async Task UnscannedImage_InAProjectThatPreventsVulnerableImages_IsDeniedWithThePullReason()
    {
        await using var server = await BerthServer.StartAsync();
        await server.EnsureProjectAsync("guarded");
        using (var client = server.CreateClient())
        {
            using var put = await client.PutAsync("api/v2.0/projects/guarded", new StringContent(
                """{"metadata":{"prevent_vul":"true","severity":"low","auto_scan":"false"}}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
        var digest = await ApiImage.PushAsync(server, "guarded/web", "1.0");

        var message = DenyMessage(await PostAsync(server, Review("uid-vul", "Pod", $$"""{"containers":[{"name":"web","image":"{{server.Host}}/guarded/web:1.0"}]}""")));

        // The reason after the digest is the deployment policy's (IArtifactPolicy) own message, as a pull gets it.
        Assert.StartsWith($"[denied by berth-registry-policy] container \"web\" image \"{server.Host}/guarded/web:1.0\" ({digest}): ", message);
        Assert.Contains("cannot be pulled", message);
    }
}
