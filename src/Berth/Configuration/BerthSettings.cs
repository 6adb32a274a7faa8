using System.Net;
using Microsoft.Extensions.Configuration;

namespace Berth.Configuration;

/// <summary>
/// The settings <c>berth serve</c> needs before anything starts, read and checked once, with messages
/// that name the key that is wrong.
/// </summary>
internal sealed record BerthSettings(IPEndPoint Listen, string DataDirectory)
{
    public const string ListenKey = "Server:Listen";
    public const string DataDirectoryKey = "Storage:DataDirectory";
    public const string DefaultListen = "0.0.0.0:5000";
    public const string DefaultDataDirectory = "./berth-data";

    public static bool TryRead(IConfiguration configuration, out BerthSettings settings, out string error)
    {
        settings = null!;
        error = "";
        var listen = configuration[ListenKey] ?? DefaultListen;
        if (!TryParseEndpoint(listen, out var endpoint))
        {
            error = $"{ListenKey} (--listen) is '{listen}'; expected HOST:PORT such as 0.0.0.0:5000 or [::1]:5000";
            return false;
        }
        var data = configuration[DataDirectoryKey] ?? DefaultDataDirectory;
        if (string.IsNullOrWhiteSpace(data))
        {
            error = $"{DataDirectoryKey} (--data) is empty";
            return false;
        }
        settings = new BerthSettings(endpoint, Path.GetFullPath(data));
        return true;
    }

    internal static bool TryParseEndpoint(string text, out IPEndPoint endpoint)
    {
        endpoint = null!;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], out var port) || port is < 0 or > 65535) return false;
        var host = text[..colon].Trim('[', ']');
        IPAddress? address = host switch
        {
            "localhost" => IPAddress.Loopback,
            "*" or "+" => IPAddress.Any,
            _ => IPAddress.TryParse(host, out var parsed) ? parsed : null,
        };
        if (address is null) return false;
        endpoint = new IPEndPoint(address, port);
        return true;
    }
}
