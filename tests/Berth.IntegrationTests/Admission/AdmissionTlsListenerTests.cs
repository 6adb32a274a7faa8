using System.Net;
using System.Text;
using Berth.IntegrationTests.Cli;
using Berth.IntegrationTests.Infrastructure;
using static Berth.IntegrationTests.Admission.AdmissionWebhookTests;

namespace Berth.IntegrationTests.Admission;

/// <summary>
/// With an HTTPS listener configured, the webhook answers only there (the apiserver's way in); the plain listener
/// says 404 to <c>/admission/*</c>, so a registry client cannot probe policy state, and still serves the registry.
/// </summary>
public sealed class AdmissionTlsListenerTests : IAsyncLifetime
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("berth-admission-tls-");
    private readonly int _tlsPort = LoopbackPort.Free();
    private BerthServer _server = null!;

    public async Task InitializeAsync()
    {
        (await BerthCli.RunAsync(["admin", "webhook-cert", "--service", "berth", "--namespace", "berth", "--out", _work.FullName])).EnsureSucceeded();
        _server = await BerthServer.StartAsync(new Dictionary<string, string>
        {
            ["BERTH__Server__Tls__Listen"] = $"127.0.0.1:{_tlsPort}",
            ["BERTH__Server__Tls__Certificate"] = Path.Combine(_work.FullName, "tls.crt"),
            ["BERTH__Server__Tls__Key"] = Path.Combine(_work.FullName, "tls.key"),
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _work.Delete(recursive: true);
    }

    [Theory]
    [InlineData("admission/validate")]
    [InlineData("admission/mutate")]
    public async Task Webhook_AnswersOnTheTlsListenerOnly(string path)
    {
        var review = Review("uid-tls", "Pod", """{"containers":[{"name":"web","image":"nginx"}]}""");

        using var plain = _server.CreateAnonymousClient();
        using var refused = await plain.PostAsync(path, new StringContent(review, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        using (var registry = _server.CreateClient()) Assert.Equal(HttpStatusCode.OK, (await registry.GetAsync("v2/")).StatusCode);

        // The routing, not the certificate, is under test here (TlsServingTests checks the chain and names).
        using var tls = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        }) { BaseAddress = new Uri($"https://127.0.0.1:{_tlsPort}/") };
        using var answered = await tls.PostAsync(path, new StringContent(review, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("\"uid\":\"uid-tls\"", await answered.Content.ReadAsStringAsync());
    }
}
