using System.Reflection;
using System.Text.Json.Serialization;

namespace Berth.Scanning.Reports.Formats;

/// <summary>The scanner a Harbor report or overview names: <c>{name, vendor, version}</c>.</summary>
public sealed record HarborScanner(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("vendor")] string Vendor,
    [property: JsonPropertyName("version")] string Version)
{
    /// <summary>Berth itself, with the version this build carries (without the source revision suffix).</summary>
    public static HarborScanner Berth { get; } = new("Berth", "Berth", BuildVersion());

    private static string BuildVersion()
    {
        var assembly = typeof(HarborScanner).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (informational is { Length: > 0 }) return informational.Split('+')[0];
        return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}
