using System.Security.Cryptography;
using System.Text;
using Berth.Access.Authentication;
using Microsoft.AspNetCore.Http;

namespace Berth.Api.ScannerAdapter;

/// <summary>
/// Checks the adapter API's key in any of the three ways a Harbor registration sends it (auth "Bearer",
/// "X-ScannerAdapter-API-Key", or "Basic" with the key as the password), in constant time.
/// </summary>
public sealed class AdapterApiKey(string key)
{
    public const string HeaderName = "X-ScannerAdapter-API-Key";

    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);

    public bool Allows(HttpRequest request)
    {
        if (request.Headers[HeaderName].ToString() is { Length: > 0 } apiKey) return Same(apiKey);
        var authorization = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase)) return Same(authorization[bearer.Length..].Trim());
        return BasicCredentials.TryParse(authorization, out var basic) && Same(basic.Password);
    }

    private bool Same(string presented) => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _key);
}
