using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Berth.Configuration.Tls;

/// <summary>How <c>berth serve</c> wires the HTTPS listener: load and check the files before anything starts, then serve them rotating.</summary>
internal static class ServingCertificateSetup
{
    /// <summary>Reads and checks the files; on success registers the rotation that serves and reloads them.</summary>
    public static async Task<(ServingCertificate? Certificate, string? Error)> LoadAsync(IServiceCollection services, TlsSettings tls)
    {
        var (certificateText, keyText, readError) = await ServingCertificateLoader.ReadAsync(tls, CancellationToken.None);
        if (readError is not null) return (null, readError);
        var (certificate, error) = ServingCertificateLoader.Create(tls, certificateText!, keyText!, DateTimeOffset.UtcNow);
        if (certificate is null) return (null, error);
        services.AddSingleton(provider => new ServingCertificateRotation(
            tls, certificate, certificateText!, keyText!, provider.GetRequiredService<ILogger<ServingCertificateRotation>>(), TimeProvider.System));
        services.AddHostedService(provider => provider.GetRequiredService<ServingCertificateRotation>());
        return (certificate, null);
    }

    public static void ListenTls(KestrelServerOptions kestrel, TlsSettings tls) =>
        kestrel.Listen(tls.Listen, listen =>
        {
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            var rotation = kestrel.ApplicationServices.GetRequiredService<ServingCertificateRotation>();
            listen.UseHttps(new TlsHandshakeCallbackOptions
            {
                OnConnection = _ => ValueTask.FromResult(rotation.HandshakeOptions()),
            });
        });
}
