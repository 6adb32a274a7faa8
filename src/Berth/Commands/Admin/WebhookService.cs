using System.Text.RegularExpressions;

namespace Berth.Commands.Admin;

/// <summary>
/// The Kubernetes Service the apiserver calls the webhook through, and the DNS names its serving
/// certificate must carry. The apiserver connects to <c>S.N.svc</c>; the other names cover clients inside
/// the namespace and ones that spell out the cluster domain.
/// </summary>
internal sealed partial record WebhookService(string Name, string Namespace)
{
    public const string ClusterDomain = "cluster.local";

    /// <summary>The name the apiserver verifies the certificate against.</summary>
    public string ServiceHost => $"{Name}.{Namespace}.svc";

    public IReadOnlyList<string> DnsNames => [Name, $"{Name}.{Namespace}", ServiceHost, $"{ServiceHost}.{ClusterDomain}"];

    /// <summary>
    /// Checks both names as Kubernetes does: a Service name is an RFC 1035 label (starts with a letter), a
    /// namespace an RFC 1123 label; both lower case, at most 63 characters.
    /// </summary>
    public static bool TryCreate(string name, string @namespace, out WebhookService service, out string error)
    {
        service = null!;
        error = Problem("--service", name, Rfc1035Label(), "a lower-case letter first, then lower-case letters, digits or '-', not ending in '-'")
            ?? Problem("--namespace", @namespace, Rfc1123Label(), "lower-case letters, digits or '-', starting and ending with a letter or digit")
            ?? "";
        if (error.Length > 0) return false;
        service = new WebhookService(name, @namespace);
        return true;
    }

    private static string? Problem(string option, string value, Regex pattern, string rule)
    {
        if (value.Length > 63) return $"{option} '{value}' is longer than 63 characters";
        return pattern.IsMatch(value) ? null : $"{option} '{value}' is not a valid Kubernetes name ({rule})";
    }

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Rfc1035Label();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Rfc1123Label();
}
