using Berth.IntegrationTests.Cli;
using Berth.IntegrationTests.Infrastructure;
using static Berth.IntegrationTests.Deploy.KubernetesManifests;

namespace Berth.IntegrationTests.Deploy;

/// <summary>
/// <c>kubectl kustomize</c> (offline; no cluster) over a copy of deploy/kubernetes with a certificate from
/// <c>berth admin webhook-cert</c>: the generated secret and both webhooks' caBundle come from that run.
/// </summary>
public sealed class KustomizeBuildTests : IDisposable
{
    private readonly DirectoryInfo _copy = Directory.CreateTempSubdirectory("berth-kustomize-");

    public KustomizeBuildTests()
    {
        foreach (var file in Directory.GetFiles(Folder))
            File.Copy(file, Path.Combine(_copy.FullName, Path.GetFileName(file)));
    }

    [Fact]
    public async Task The_build_carries_the_generated_ca_into_both_webhooks_and_the_pair_into_the_secret()
    {
        var cert = (await BerthCli.RunAsync(["admin", "webhook-cert", "--service", "berth", "--namespace", "berth", "--out", Path.Combine(_copy.FullName, "tls")])).EnsureSucceeded();
        var caBundle = cert.Output.Trim();

        var build = (await Tool.RunAsync("kubectl", ["kustomize", _copy.FullName], TimeSpan.FromMinutes(1))).EnsureSucceeded();
        var documents = Parse(build.Output);

        foreach (var kind in new[] { "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration" })
        {
            var webhook = Assert.Single(Items(Single(documents, kind), "webhooks"));
            Assert.Equal(caBundle, Unwrapped(Text(webhook, "clientConfig", "caBundle")));
        }
        var secret = Single(documents, "Secret");
        Assert.Equal("berth-tls", Text(secret, "metadata", "name"));
        Assert.Equal("berth", Text(secret, "metadata", "namespace"));
        Assert.Equal("kubernetes.io/tls", Text(secret, "type"));
        Assert.Equal(caBundle, Unwrapped(Text(secret, "data", "ca.crt")));
        Assert.Equal(Convert.ToBase64String(await File.ReadAllBytesAsync(Path.Combine(_copy.FullName, "tls", "tls.key"))), Unwrapped(Text(secret, "data", "tls.key")));

        var container = Assert.Single(Items(Single(documents, "Deployment"), "spec", "template", "spec", "containers"));
        Assert.Equal("registry.example.com/berth/berth:latest", Text(container, "image"));
    }

    [Fact]
    public async Task Without_a_certificate_the_build_stops()
    {
        var build = await Tool.RunAsync("kubectl", ["kustomize", _copy.FullName], TimeSpan.FromMinutes(1));
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("tls/tls.crt", build.Error);
        Assert.Equal("", build.Output);
    }

    /// <summary>kustomize wraps long base64 over lines; the apiserver's decoder skips line breaks.</summary>
    private static string Unwrapped(string? base64) => string.Concat((base64 ?? "").Where(c => !char.IsWhiteSpace(c)));

    public void Dispose() => _copy.Delete(recursive: true);
}
