using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace Berth.Configuration.Tls;

/// <summary>
/// The HTTPS listener beside the plain one: the Kubernetes apiserver calls admission webhooks only over
/// TLS. Unset means no HTTPS; setting the listener without both PEM files (or the reverse) is an error.
/// </summary>
internal sealed record TlsSettings(IPEndPoint Listen, string CertificatePath, string KeyPath, TimeSpan ReloadInterval)
{
    public const string ListenKey = "Server:Tls:Listen";
    public const string CertificateKey = "Server:Tls:Certificate";
    public const string KeyKey = "Server:Tls:Key";
    public const string ReloadIntervalKey = "Server:Tls:ReloadInterval";
    public static readonly TimeSpan DefaultReloadInterval = TimeSpan.FromSeconds(30);

    /// <returns>False with <paramref name="error"/> naming the key; true with null settings when TLS is off.</returns>
    public static bool TryRead(IConfiguration configuration, IPEndPoint plainListen, out TlsSettings? settings, out string error)
    {
        settings = null;
        error = "";
        var listen = Value(configuration, ListenKey);
        var certificate = Value(configuration, CertificateKey);
        var key = Value(configuration, KeyKey);
        if (listen is null && certificate is null && key is null) return true;

        if (listen is null)
        {
            error = $"{ListenKey} is not set, but {(certificate is not null ? CertificateKey : KeyKey)} is; the certificate is served only on a TLS listener such as 0.0.0.0:8443";
            return false;
        }
        if (!BerthSettings.TryParseEndpoint(listen, out var endpoint))
        {
            error = $"{ListenKey} is '{listen}'; expected HOST:PORT such as 0.0.0.0:8443 or [::]:8443";
            return false;
        }
        if (endpoint.Port != 0 && endpoint.Port == plainListen.Port && Overlaps(endpoint.Address, plainListen.Address))
        {
            error = $"{ListenKey} is '{listen}', the same port as {BerthSettings.ListenKey} ({plainListen}); HTTPS needs a port of its own";
            return false;
        }
        if (certificate is null || key is null)
        {
            error = $"{(certificate is null ? CertificateKey : KeyKey)} is not set; {ListenKey} needs {CertificateKey} (a PEM certificate file) and {KeyKey} (its PEM private key)";
            return false;
        }

        var reloadText = Value(configuration, ReloadIntervalKey);
        var reload = DefaultReloadInterval;
        if (reloadText is not null && (!TimeSpan.TryParse(reloadText, CultureInfo.InvariantCulture, out reload) || reload < TimeSpan.FromSeconds(1) || reload > TimeSpan.FromDays(1)))
        {
            error = $"{ReloadIntervalKey} is '{reloadText}'; expected a time span from 00:00:01 to 1.00:00:00, such as 00:00:30";
            return false;
        }
        settings = new TlsSettings(endpoint, Path.GetFullPath(certificate), Path.GetFullPath(key), reload);
        return true;
    }

    private static string? Value(IConfiguration configuration, string key) =>
        configuration[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static bool Overlaps(IPAddress a, IPAddress b) =>
        a.Equals(b) || a.Equals(IPAddress.Any) || b.Equals(IPAddress.Any) || a.Equals(IPAddress.IPv6Any) || b.Equals(IPAddress.IPv6Any);
}
