namespace Berth.Jobs.Scanning;

/// <summary>How reports name the scanner: Berth's built-in one, versioned with Berth.</summary>
public static class ScannerIdentity
{
    public const string Name = "Berth";
    public const string Vendor = "Berth";

    public static string Version { get; } = typeof(ScannerIdentity).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
