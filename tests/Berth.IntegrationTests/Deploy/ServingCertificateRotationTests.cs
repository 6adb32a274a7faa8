using System.Net;
using Berth.Commands.Admin;
using Berth.Configuration.Tls;
using Microsoft.Extensions.Logging.Abstractions;

namespace Berth.IntegrationTests.Deploy;

/// <summary>Re-reading the PEM files: a renewed pair is taken, a half-updated pair is not.</summary>
public sealed class ServingCertificateRotationTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("berth-rotation-");
    private readonly WebhookService _service = new("berth", "berth");

    private TlsSettings Settings => new(new IPEndPoint(IPAddress.Loopback, 8443),
        Path.Combine(_directory.FullName, "tls.crt"), Path.Combine(_directory.FullName, "tls.key"), TimeSpan.FromSeconds(30));

    private async Task<IssuedWebhookCertificate> WriteAsync(IssuedWebhookCertificate? certificateFrom = null, IssuedWebhookCertificate? keyFrom = null)
    {
        var issued = WebhookCertificateIssuer.Issue(_service, 30, DateTimeOffset.UtcNow);
        await File.WriteAllTextAsync(Settings.CertificatePath, (certificateFrom ?? issued).CertificatePem);
        await File.WriteAllTextAsync(Settings.KeyPath, (keyFrom ?? issued).KeyPem);
        return issued;
    }

    private async Task<ServingCertificateRotation> StartAsync()
    {
        var (certificateText, keyText, readError) = await ServingCertificateLoader.ReadAsync(Settings, CancellationToken.None);
        Assert.Null(readError);
        var (initial, error) = ServingCertificateLoader.Create(Settings, certificateText!, keyText!, DateTimeOffset.UtcNow);
        Assert.Null(error);
        return new ServingCertificateRotation(Settings, initial!, certificateText!, keyText!, NullLogger<ServingCertificateRotation>.Instance, TimeProvider.System);
    }

    private static string Served(ServingCertificateRotation rotation) => rotation.HandshakeOptions().ServerCertificateContext!.TargetCertificate.Thumbprint;

    private static string Thumbprint(IssuedWebhookCertificate issued) =>
        System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(issued.CertificatePem).Thumbprint;

    [Fact]
    public async Task Unchanged_files_keep_the_certificate_and_a_renewed_pair_replaces_it()
    {
        var first = await WriteAsync();
        using var rotation = await StartAsync();
        await rotation.CheckAsync(CancellationToken.None);
        Assert.Equal(Thumbprint(first), Served(rotation));

        var renewed = await WriteAsync();
        await rotation.CheckAsync(CancellationToken.None);
        Assert.Equal(Thumbprint(renewed), Served(rotation));
    }

    [Fact]
    public async Task A_certificate_written_before_its_key_is_taken_only_once_the_key_follows()
    {
        var first = await WriteAsync();
        using var rotation = await StartAsync();

        var renewed = await WriteAsync(keyFrom: first);
        await rotation.CheckAsync(CancellationToken.None);
        Assert.Equal(Thumbprint(first), Served(rotation));

        await File.WriteAllTextAsync(Settings.KeyPath, renewed.KeyPem);
        await rotation.CheckAsync(CancellationToken.None);
        Assert.Equal(Thumbprint(renewed), Served(rotation));
    }

    [Fact]
    public async Task Files_that_disappear_leave_the_served_certificate_in_place()
    {
        var first = await WriteAsync();
        using var rotation = await StartAsync();
        File.Delete(Settings.KeyPath);
        await rotation.CheckAsync(CancellationToken.None);
        Assert.Equal(Thumbprint(first), Served(rotation));

        // Back again (a secret remounted): the same pair is loaded once more.
        await File.WriteAllTextAsync(Settings.KeyPath, first.KeyPem);
        await rotation.CheckAsync(CancellationToken.None);
        Assert.Equal(Thumbprint(first), Served(rotation));
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
