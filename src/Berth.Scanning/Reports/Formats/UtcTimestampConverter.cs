using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Berth.Scanning.Reports.Formats;

/// <summary>Writes times as RFC 3339 UTC with a Z (Go's time.Time, which Harbor parses, accepts it; "+00:00" is noise).</summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ReportTimestamps.Precise(value));
}
