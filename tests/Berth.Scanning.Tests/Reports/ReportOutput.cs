using System.Text;
using System.Text.Json;
using Berth.Scanning.Reports;

namespace Berth.Scanning.Tests.Reports;

/// <summary>Runs a format into memory and reads the result back as text or JSON.</summary>
public static class ReportOutput
{
    public static async Task<string> TextAsync(IReportFormat format, ScanReport report)
    {
        using var buffer = new MemoryStream();
        await format.WriteAsync(report, buffer, default);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static async Task<JsonElement> JsonAsync(IReportFormat format, ScanReport report)
    {
        using var document = JsonDocument.Parse(await TextAsync(format, report));
        return document.RootElement.Clone();
    }

    public static IEnumerable<string> Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name);

    public static string Str(JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
