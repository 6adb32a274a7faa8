using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Berth.Scanning.Reports.Formats;

/// <summary>The serializer settings for Harbor's report and overview records, for writing and reading them back.</summary>
public static class HarborJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // '<', '>' and '+' stay readable in descriptions and versions; the output is JSON, never HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new UtcTimestampConverter() },
    };
}
