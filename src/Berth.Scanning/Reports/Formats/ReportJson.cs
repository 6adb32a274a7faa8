using System.Text.Encodings.Web;
using System.Text.Json;

namespace Berth.Scanning.Reports.Formats;

/// <summary>The JSON writer the formats stream through: indented, readable escaping, flushed in pieces as it fills.</summary>
internal static class ReportJson
{
    private const int FlushThreshold = 32 * 1024;

    public static Utf8JsonWriter Writer(Stream output) => new(output, new JsonWriterOptions
    {
        Indented = true,
        // Package versions ('+') and advisory texts ('<', '>', quotes) stay readable; the output is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Hands what is written so far to the stream once enough has gathered, so a big report never sits whole in memory.</summary>
    public static ValueTask FlushIfFullAsync(Utf8JsonWriter writer, CancellationToken cancellationToken) =>
        writer.BytesPending >= FlushThreshold ? new ValueTask(writer.FlushAsync(cancellationToken)) : ValueTask.CompletedTask;

    public static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values) writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    public static void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) writer.WriteString(name, value);
    }
}
