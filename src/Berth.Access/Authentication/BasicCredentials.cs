using System.Text;

namespace Berth.Access.Authentication;

/// <summary>A username and password from an <c>Authorization: Basic …</c> header.</summary>
public sealed record BasicCredentials(string Username, string Password)
{
    public static bool TryParse(string? header, out BasicCredentials credentials)
    {
        credentials = null!;
        const string scheme = "Basic ";
        if (header is null || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[scheme.Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }
        var colon = decoded.IndexOf(':');
        if (colon <= 0) return false;
        credentials = new BasicCredentials(decoded[..colon], decoded[(colon + 1)..]);
        return true;
    }
}
