namespace Berth.Commands.Scan;

/// <summary>
/// How <c>berth scan</c> ends. Failures have their own codes so CI can tell "vulnerable" (the code given
/// with <c>--exit-code</c>) from "could not scan"; pick an <c>--exit-code</c> outside 2–6 to keep them apart.
/// </summary>
internal static class ScanExitCodes
{
    /// <summary>The scan finished, and either no vulnerability at the chosen severities remains or <c>--exit-code</c> was not given.</summary>
    public const int Clean = 0;

    public const int UsageError = 2;

    /// <summary>The image is missing, is not an OCI layout / docker-archive / stored image, or its manifest or config is invalid.</summary>
    public const int ImageUnreadable = 3;

    /// <summary>A layer could not be read: corrupt compression, a damaged or hostile tar, a diff id mismatch, a limit crossed.</summary>
    public const int LayerUnreadable = 4;

    /// <summary>No advisory database in the data directory, or one that cannot be opened or holds nothing.</summary>
    public const int DatabaseMissing = 5;

    /// <summary>The report could not be written (the --output file).</summary>
    public const int OutputFailed = 6;

    public const int Interrupted = 130;
}
