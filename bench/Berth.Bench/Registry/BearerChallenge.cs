using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Berth.Bench.Registry;

/// <summary>
/// Where a registry hands out tokens: the realm and service of its <c>WWW-Authenticate: Bearer …</c>
/// answer to an anonymous <c>GET /v2/</c>.
/// </summary>
public sealed record BearerChallenge(Uri Realm, string Service)
{
    private static readonly Regex Parameter = new(
        "(?<key>[A-Za-z]+)=\"(?<value>[^\"]*)\"",
        RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    /// <summary>
    /// Reads the Bearer challenge of a 401, or says why there is none usable. The realm must stay on
    /// this machine: the bench sends the --user password there.
    /// </summary>
    public static BearerChallenge Parse(HttpResponseMessage response)
    {
        var bearer = response.Headers.WwwAuthenticate.FirstOrDefault(header => header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase));
        if (bearer?.Parameter is not { } parameters)
        {
            throw new HttpRequestException($"GET /v2/ → {(int)response.StatusCode} without a Bearer challenge (got '{Describe(response.Headers.WwwAuthenticate)}'): this registry does not hand out tokens");
        }

        var values = Parameter.Matches(parameters).ToDictionary(match => match.Groups["key"].Value.ToLowerInvariant(), match => match.Groups["value"].Value);
        if (!values.TryGetValue("realm", out var realmText) || !Uri.TryCreate(realmText, UriKind.Absolute, out var realm))
        {
            throw new HttpRequestException($"Bearer challenge without a usable realm: '{parameters}'");
        }

        var loopback = realm.IsLoopback || (IPAddress.TryParse(realm.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        if (realm.Scheme != Uri.UriSchemeHttp || !loopback)
        {
            throw new HttpRequestException($"Bearer realm '{realm}' is not http on a loopback address; the bench sends credentials only there");
        }

        return new BearerChallenge(realm, values.GetValueOrDefault("service", string.Empty));
    }

    /// <summary>The token request for one scope, as the Docker token protocol spells it.</summary>
    public Uri TokenUri(string? scope)
    {
        var query = $"service={Uri.EscapeDataString(Service)}";
        if (scope is not null)
        {
            query += $"&scope={Uri.EscapeDataString(scope)}";
        }

        var separator = string.IsNullOrEmpty(Realm.Query) ? "?" : "&";
        return new Uri(Realm.AbsoluteUri + separator + query);
    }

    private static string Describe(HttpHeaderValueCollection<AuthenticationHeaderValue> headers) =>
        headers.Count == 0 ? "nothing" : string.Join(", ", headers);
}
