using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Berth.IntegrationTests.Cli;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Deploy;

/// <summary>
/// A real <c>berth serve</c> with the HTTPS listener and a certificate from <c>berth admin webhook-cert</c>,
/// reached as the apiserver reaches a webhook: by the Service's name (here resolved to 127.0.0.1), trusting
/// only the caBundle.
/// </summary>
public sealed class TlsServingTests : IAsyncLifetime
{
    private const string ServiceHost = "berth.berth-system.svc";
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("berth-tls-");
    private readonly int _tlsPort = LoopbackPort.Free();
    private BerthServer? _server;
    private X509Certificate2? _ca;

    private string Tls => Path.Combine(_work.FullName, "tls");

    public async Task InitializeAsync()
    {
        _ca = await IssueAsync(Tls);
        _server = await BerthServer.StartAsync(new Dictionary<string, string>
        {
            ["BERTH__Server__Tls__Listen"] = $"127.0.0.1:{_tlsPort}",
            ["BERTH__Server__Tls__Certificate"] = Path.Combine(Tls, "tls.crt"),
            ["BERTH__Server__Tls__Key"] = Path.Combine(Tls, "tls.key"),
            ["BERTH__Server__Tls__ReloadInterval"] = "00:00:01",
        });
    }

    [Fact]
    public async Task The_registry_answers_over_https_to_a_client_trusting_only_the_generated_ca()
    {
        using var client = Client(_ca!, ServiceHost);
        using var request = new HttpRequestMessage(HttpMethod.Get, "v2/");
        request.Headers.TryAddWithoutValidation("Authorization", _server!.AdminAuthorization);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("registry/2.0", response.Headers.GetValues("Docker-Distribution-API-Version").Single());

        // The same app on both listeners.
        using var health = await client.GetAsync("api/v2.0/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var plain = _server.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await plain.GetAsync("api/v2.0/health")).StatusCode);
    }

    [Fact]
    public async Task Http2_is_offered_through_alpn()
    {
        using var client = Client(_ca!, ServiceHost);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v2.0/health") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version20, response.Version);
    }

    [Fact]
    public async Task A_name_the_certificate_does_not_carry_or_another_ca_is_refused_by_the_client()
    {
        using var wrongName = Client(_ca!, "berth.other.svc");
        var nameError = await Assert.ThrowsAsync<HttpRequestException>(() => wrongName.GetAsync("v2/"));
        Assert.IsType<AuthenticationException>(nameError.InnerException);

        using var otherCa = await IssueAsync(Path.Combine(_work.FullName, "other"));
        using var wrongAnchor = Client(otherCa, ServiceHost);
        var anchorError = await Assert.ThrowsAsync<HttpRequestException>(() => wrongAnchor.GetAsync("v2/"));
        Assert.IsType<AuthenticationException>(anchorError.InnerException);
    }

    [Fact]
    public async Task A_renewed_certificate_is_served_without_a_restart()
    {
        var renewedDirectory = Path.Combine(_work.FullName, "renewed");
        using var renewedCa = await IssueAsync(renewedDirectory);
        // The key first, then the certificate, as a careless renewal might: the old pair stays in service until both agree.
        File.Copy(Path.Combine(renewedDirectory, "tls.key"), Path.Combine(Tls, "tls.key"), overwrite: true);
        File.Copy(Path.Combine(renewedDirectory, "tls.crt"), Path.Combine(Tls, "tls.crt"), overwrite: true);

        using var client = Client(renewedCa, ServiceHost);
        await Poll.UntilAsync(async () =>
        {
            try
            {
                using var response = await client.GetAsync("api/v2.0/health");
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30), "the renewed certificate to be served");
        Assert.Contains("TLS certificate reloaded", _server!.Log);
        Assert.Equal(0, (int?)_server.ExitCode ?? 0);
    }

    [Fact]
    public async Task A_start_with_a_key_that_does_not_match_the_certificate_fails_naming_the_key()
    {
        using var other = await IssueAsync(Path.Combine(_work.FullName, "other"));
        var data = Path.Combine(_work.FullName, "data");
        var result = await BerthCli.RunAsync(
            ["serve", "--listen", $"127.0.0.1:{LoopbackPort.Free()}", "--data", data],
            new Dictionary<string, string>
            {
                ["BERTH__Server__Tls__Listen"] = $"127.0.0.1:{LoopbackPort.Free()}",
                ["BERTH__Server__Tls__Certificate"] = Path.Combine(Tls, "tls.crt"),
                ["BERTH__Server__Tls__Key"] = Path.Combine(_work.FullName, "other", "tls.key"),
            },
            TimeSpan.FromMinutes(1));
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"berth serve: Server:Tls:Key: the private key in '{Path.Combine(_work.FullName, "other", "tls.key")}' does not match the certificate in '{Path.Combine(Tls, "tls.crt")}' (CN={ServiceHost}, O=Berth)",
            result.Error.Trim());
        Assert.False(Directory.Exists(data), "a refused start must not create the data directory");
    }

    /// <summary>Runs the real command and returns the CA it wrote.</summary>
    private static async Task<X509Certificate2> IssueAsync(string directory)
    {
        (await BerthCli.RunAsync(["admin", "webhook-cert", "--service", "berth", "--namespace", "berth-system", "--out", directory])).EnsureSucceeded();
        return X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(directory, "ca.crt")));
    }

    /// <summary>
    /// Connects to the TLS port on 127.0.0.1 whatever the URL's host, so TLS verifies <paramref name="host"/>
    /// (SNI and the name check) against a chain anchored in <paramref name="ca"/> alone.
    /// </summary>
    private HttpClient Client(X509Certificate2 ca, string host)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, _tlsPort), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                CertificateChainPolicy = CaTrust.Chain(ca, DateTime.Now).ChainPolicy,
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri($"https://{host}:{_tlsPort}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        _ca?.Dispose();
        _work.Delete(recursive: true);
    }
}
