using System.Net.Security;
using Microsoft.Extensions.Hosting;

namespace Berth.Configuration.Tls;

/// <summary>
/// Serves the current certificate to every TLS handshake and re-reads the PEM files every
/// <see cref="TlsSettings.ReloadInterval"/>, so a renewed certificate (a Kubernetes secret update,
/// cert-manager's renewal) is served without a restart. Polling rather than file events: a mounted secret
/// changes by swapping a symlink, which file watchers miss on some volumes, and reading two small files
/// every half minute costs nothing. A new pair that fails its checks (say the certificate is updated
/// before its key) is logged and the previous one stays in service until the files agree.
/// </summary>
internal sealed partial class ServingCertificateRotation(
    TlsSettings settings, ServingCertificate initial, string initialCertificateText, string initialKeyText,
    ILogger<ServingCertificateRotation> logger, TimeProvider time) : BackgroundService
{
    private volatile ServingCertificate _current = initial;
    private string _certificateText = initialCertificateText;
    private string _keyText = initialKeyText;

    /// <summary>The options for one handshake; Kestrel adds the ALPN protocols (HTTP/2, HTTP/1.1) itself.</summary>
    public SslServerAuthenticationOptions HandshakeOptions() => new() { ServerCertificateContext = _current.Context };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.ReloadInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await CheckAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Loads the files if they changed since the last look; the same broken pair is reported once.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var (certificateText, keyText, readError) = await ServingCertificateLoader.ReadAsync(settings, cancellationToken);
        if (readError is not null)
        {
            if (_certificateText.Length > 0 || _keyText.Length > 0) LogReloadFailed(logger, readError, _current.Description);
            (_certificateText, _keyText) = ("", "");
            return;
        }
        if (certificateText == _certificateText && keyText == _keyText) return;
        (_certificateText, _keyText) = (certificateText!, keyText!);
        var (loaded, error) = ServingCertificateLoader.Create(settings, certificateText!, keyText!, time.GetUtcNow());
        if (loaded is null)
        {
            LogReloadFailed(logger, error!, _current.Description);
            return;
        }
        foreach (var warning in loaded.Warnings) LogCertificateWarning(logger, warning);
        _current = loaded;
        LogReloaded(logger, loaded.Description);
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "TLS certificate reloaded: now serving {Certificate}")]
    private static partial void LogReloaded(ILogger logger, string certificate);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "TLS certificate files changed but cannot be used: {Problem}; still serving {Certificate}")]
    private static partial void LogReloadFailed(ILogger logger, string problem, string certificate);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "{Warning}")]
    public static partial void LogCertificateWarning(ILogger logger, string warning);
}
