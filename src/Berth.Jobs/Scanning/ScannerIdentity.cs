using Berth.Scanning.Reports.Formats;

namespace Berth.Jobs.Scanning;

/// <summary>How stored reports name the scanner: Berth's built-in one, as Harbor reports and overviews name it.</summary>
public static class ScannerIdentity
{
    public static string Name => HarborScanner.Berth.Name;

    public static string Version => HarborScanner.Berth.Version;
}
