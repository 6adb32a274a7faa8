namespace Berth.Commands.Admin;

/// <summary>
/// Writes ca.crt, tls.crt and tls.key (the names a Kubernetes TLS secret and cert-manager use) into one
/// directory. Each file is written beside its final name first and then renamed over it, so a failure
/// leaves the previous set whole instead of a half-written key; tls.key is created owner-only (0600).
/// </summary>
internal static class WebhookCertFiles
{
    public const string CaFile = "ca.crt";
    public const string CertificateFile = "tls.crt";
    public const string KeyFile = "tls.key";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode WorldReadable = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public static async Task WriteAsync(string directory, IssuedWebhookCertificate issued, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var files = new (string Name, string Text, UnixFileMode Mode)[]
        {
            (CaFile, issued.CaPem, WorldReadable),
            (CertificateFile, issued.CertificatePem, WorldReadable),
            (KeyFile, issued.KeyPem, OwnerOnly),
        };
        var staged = new List<(string Temporary, string Final)>();
        try
        {
            foreach (var (name, text, mode) in files)
            {
                var final = Path.Combine(directory, name);
                var temporary = Path.Combine(directory, $".{name}.{Guid.NewGuid():N}.tmp");
                staged.Add((temporary, final));
                await WriteNewAsync(temporary, text, mode, cancellationToken);
            }
            foreach (var (temporary, final) in staged) File.Move(temporary, final, overwrite: true);
        }
        finally
        {
            foreach (var (temporary, _) in staged) File.Delete(temporary);
        }
    }

    private static async Task WriteNewAsync(string path, string text, UnixFileMode mode, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        // The mode is set at creation, so the key is never readable by others, not even for a moment.
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = mode;
        await using var stream = new FileStream(path, options);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(text.AsMemory(), cancellationToken);
        await writer.FlushAsync(cancellationToken);
        stream.Flush(flushToDisk: true);
    }
}
