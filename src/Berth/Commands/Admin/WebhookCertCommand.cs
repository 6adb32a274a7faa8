namespace Berth.Commands.Admin;

/// <summary>
/// <c>berth admin webhook-cert --service S --namespace N [--out DIR] [--days D]</c>: a CA and the serving
/// certificate for the webhook's Service, written as ca.crt, tls.crt and tls.key. stdout gets only the
/// caBundle, so <c>CA_BUNDLE=$(berth admin webhook-cert …)</c> works; what to do next goes to stderr.
/// </summary>
internal static class WebhookCertCommand
{
    public const string Name = "webhook-cert";
    public const string DefaultDirectory = "./berth-webhook-tls";
    public const int DefaultDays = 365;

    private static readonly string[] Options = ["--service", "--namespace", "--out", "--days"];

    public static async Task<int> RunAsync(string[] args)
    {
        if (!CommandArguments.TryParse(args, Options, out var arguments, out var error)) return AdminCommand.Usage(Name, error);
        if (arguments.Positionals.Count > 0) return AdminCommand.Usage(Name, $"unexpected argument '{arguments.Positionals[0]}'");
        if (arguments.Value("--service") is not { } serviceName) return AdminCommand.Usage(Name, "--service is required (the webhook Service's name)");
        if (arguments.Value("--namespace") is not { } @namespace) return AdminCommand.Usage(Name, "--namespace is required (the namespace Berth runs in)");
        if (!WebhookService.TryCreate(serviceName, @namespace, out var service, out error)) return AdminCommand.Usage(Name, error);
        var daysText = arguments.Value("--days") ?? DefaultDays.ToString();
        if (!int.TryParse(daysText, out var days) || days is < 1 or > WebhookCertificateIssuer.MaxDays)
            return AdminCommand.Usage(Name, $"--days '{daysText}' is not a whole number from 1 to {WebhookCertificateIssuer.MaxDays}");
        var directory = Path.GetFullPath(arguments.Value("--out") ?? DefaultDirectory);
        if (File.Exists(directory)) return AdminCommand.Usage(Name, $"--out '{directory}' is a file, not a directory");

        var issued = WebhookCertificateIssuer.Issue(service, days, DateTimeOffset.UtcNow);
        try
        {
            await WebhookCertFiles.WriteAsync(directory, issued, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return AdminCommand.Fail(Name, $"cannot write the certificate files into '{directory}': {e.Message}");
        }

        Console.Out.WriteLine(issued.CaBundle);
        Console.Error.WriteLine($"""
            Wrote {WebhookCertFiles.CaFile}, {WebhookCertFiles.CertificateFile} and {WebhookCertFiles.KeyFile} (0600) to {directory}
            for {string.Join(", ", service.DnsNames)}, valid until {issued.NotAfter:yyyy-MM-dd HH:mm} UTC.
            The line on stdout is the caBundle. Next:
              kubectl -n {service.Namespace} create secret tls berth-tls --cert={Path.Combine(directory, WebhookCertFiles.CertificateFile)} --key={Path.Combine(directory, WebhookCertFiles.KeyFile)}
              put the caBundle into clientConfig.caBundle of both webhook configurations
              (deploy/kubernetes does both for you when DIR is deploy/kubernetes/tls: kubectl apply -k deploy/kubernetes)
            Running this again makes a new CA: update the secret and the caBundle together.
            """);
        return AdminCommand.Done;
    }
}
