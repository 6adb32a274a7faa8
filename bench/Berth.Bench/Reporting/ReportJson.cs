using System.Text.Json;
using System.Text.Json.Serialization;

namespace Berth.Bench.Reporting;

/// <summary>
/// Source-generated JSON for the reports. Latencies of a test with no successful iteration are NaN,
/// written as the literal "NaN" rather than failing the whole report.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(RunReport))]
[JsonSerializable(typeof(ComparisonReport))]
[JsonSerializable(typeof(AuthComparisonReport))]
public sealed partial class ReportJson : JsonSerializerContext
{
    public static string Serialize(RunReport report) => JsonSerializer.Serialize(report, Default.RunReport);

    public static string Serialize(ComparisonReport report) => JsonSerializer.Serialize(report, Default.ComparisonReport);

    public static string Serialize(AuthComparisonReport report) => JsonSerializer.Serialize(report, Default.AuthComparisonReport);
}
