using System.Globalization;

namespace Berth.Bench.Reporting;

/// <summary>How numbers read in the tables: a few significant digits, "-" where there is nothing to show.</summary>
public static class Figures
{
    public static string Rate(double value) => double.IsNaN(value) || value <= 0
        ? "-"
        : value >= 100 ? value.ToString("#,0", CultureInfo.InvariantCulture) : value.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Milliseconds(double value) => double.IsNaN(value)
        ? "-"
        : value >= 100 ? value.ToString("0", CultureInfo.InvariantCulture) : value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Ratio(double numerator, double denominator) =>
        double.IsNaN(numerator) || double.IsNaN(denominator) || numerator <= 0 || denominator <= 0
            ? "-"
            : (numerator / denominator).ToString("0.00", CultureInfo.InvariantCulture) + "×";
}
