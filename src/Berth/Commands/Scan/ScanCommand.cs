using Berth.Commands.Vulndb;
using Berth.Metadata.Sqlite;
using Berth.Scanning.Images;
using Berth.Scanning.Layers;
using Berth.Scanning.Matching;
using Berth.Scanning.Reports;
using Berth.Scanning.Reports.Formats;

namespace Berth.Commands.Scan;

/// <summary>
/// <c>berth scan IMAGE</c>: reads the image's packages layer by layer (through the layer cache), matches them
/// against the imported advisories and writes the report in the chosen format. Exit codes: <see cref="ScanExitCodes"/>.
/// </summary>
internal static class ScanCommand
{
    // Enough to notice; the full list is in the json and harbor reports.
    private const int MaxWarningsShown = 10;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        try
        {
            return await ScanAsync(args);
        }
        catch (OperationCanceledException)
        {
            return Fail(ScanExitCodes.Interrupted, "interrupted");
        }
    }

    private static async Task<int> ScanAsync(IReadOnlyList<string> args)
    {
        if (!ScanOptions.TryParse(args, out var options, out var error)) return Fail(ScanExitCodes.UsageError, $"{error} (see 'berth help')");
        if (ScanFormats.Find(options.Format, options.OutputFile is null && !Console.IsOutputRedirected) is not { } format) return Fail(ScanExitCodes.UsageError, ScanFormats.Unknown(options.Format));
        if (!ImageArgument.TryParse(options.Image, out var image, out error)) return Fail(ScanExitCodes.ImageUnreadable, error);

        using var interrupt = ConsoleInterrupt.Listen();
        var cancellationToken = interrupt.Token;
        var data = options.Settings.DataDirectory;
        var (database, databaseError) = await AdvisoryDatabase.OpenAsync(data, create: false, cancellationToken);
        if (database is null) return Fail(ScanExitCodes.DatabaseMissing, databaseError!);
        var store = new SqliteAdvisoryStore(database);
        // An empty database would report every image clean; that is a missing import, not a clean image.
        if (await store.CountAsync(cancellationToken) == 0)
            return Fail(ScanExitCodes.DatabaseMissing, $"the advisory database {database.FilePath} holds no advisories; run 'berth vulndb update' or 'berth vulndb import PATH'");

        if (image.Kind == ImageSourceKind.Directory) return await ScanDirectoryAsync(image.Location, format, options, store, cancellationToken);

        var (load, artifact) = image.Kind switch
        {
            ImageSourceKind.OciLayout => (await OciLayoutImage.LoadAsync(image.Location, image.Reference, options.Platform, cancellationToken), null),
            ImageSourceKind.DockerArchive => (await LoadDockerArchiveAsync(image.Location, image.Reference, cancellationToken), null),
            _ => await RegistryImage.LoadAsync(database, data, image.Location, image.Reference!, options.Platform, cancellationToken),
        };
        if (load.Image is not { } toScan) return Fail(ScanExitCodes.ImageUnreadable, load.Error!);
        // An image in the registry is reported as Harbor would: its repository and tag, not the command-line text.
        if (artifact is not null && format is HarborVulnerabilityReport) format = new HarborVulnerabilityReport(artifact);

        FileLayerAnalysisCache cache;
        try
        {
            cache = new FileLayerAnalysisCache(options.LayerCacheDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(ScanExitCodes.UsageError, $"the layer cache {options.LayerCacheDirectory} cannot be created ({e.Message}); choose another with --cache-dir");
        }
        var layers = new CachedLayerAnalyzer(new LayerWalker(ImageAnalyzers.All()), cache);
        var scanner = new ImageScanner(new ImageInventoryReader(layers), new AdvisoryMatcher(store), TimeProvider.System);
        ScanResult result;
        using (var progress = ScanProgressBar.ForTerminal(toScan.Layers.Count))
        {
            progress?.Start();
            try
            {
                result = await scanner.ScanAsync(toScan, progress, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A blob the manifest names but the store does not hold, or one that cannot be opened.
                result = new ScanResult(null, $"a layer of {toScan.Name} could not be opened: {e.Message}");
            }
        }
        if (result.Report is not { } fullReport) return Fail(ScanExitCodes.LayerUnreadable, $"{toScan.Name}: {result.Error}");

        return await WriteReportAsync(format, fullReport, options, cancellationToken);
    }

    private static async Task<int> ScanDirectoryAsync(string directory, IReportFormat format, ScanOptions options, SqliteAdvisoryStore store, CancellationToken cancellationToken)
    {
        var scanner = new DirectoryScanner(new DirectoryWalker(ImageAnalyzers.ForDirectory()), new AdvisoryMatcher(store), TimeProvider.System);
        ScanResult result;
        try
        {
            result = await scanner.ScanAsync(directory, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            result = new ScanResult(null, e.Message);
        }
        if (result.Report is not { } fullReport) return Fail(ScanExitCodes.ImageUnreadable, $"{directory}: {result.Error}");
        return await WriteReportAsync(format, fullReport, options, cancellationToken);
    }

    private static async Task<int> WriteReportAsync(IReportFormat format, ScanReport fullReport, ScanOptions options, CancellationToken cancellationToken)
    {
        var report = options.Severities.Apply(fullReport);
        if (await ReportOutput.WriteAsync(format, report, options.OutputFile, cancellationToken) is { } writeError)
            return Fail(ScanExitCodes.OutputFailed, writeError);
        // The table lists the warnings itself; beside a machine-readable report they go to stderr.
        if (format.Name != "table") ShowWarnings(report);

        var vulnerable = report.Findings.Any(finding => finding.IsVulnerability);
        return vulnerable && options.VulnerableExitCode is { } code ? code : ScanExitCodes.Clean;
    }

    private static async Task<ImageLoad> LoadDockerArchiveAsync(string archive, string? repoTag, CancellationToken cancellationToken)
    {
        var first = await DockerArchiveImage.LoadAsync(archive, repoTag, cancellationToken);
        if (first.Image is not null || repoTag is null) return first;
        foreach (var candidate in DockerArchiveTags.Candidates(repoTag).Skip(1))
            if (await DockerArchiveImage.LoadAsync(archive, candidate, cancellationToken) is { Image: not null } found) return found;
        return first;
    }

    private static void ShowWarnings(ScanReport report)
    {
        var warnings = report.Warnings.ToList();
        foreach (var warning in warnings.Take(MaxWarningsShown)) Console.Error.WriteLine($"berth scan: warning: {warning}");
        if (warnings.Count > MaxWarningsShown)
            Console.Error.WriteLine($"berth scan: warning: … and {warnings.Count - MaxWarningsShown} more (all are in --format json)");
    }

    private static int Fail(int exitCode, string message)
    {
        Console.Error.WriteLine($"berth scan: {message}");
        return exitCode;
    }
}
