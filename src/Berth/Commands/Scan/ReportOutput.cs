using Berth.Scanning.Reports;

namespace Berth.Commands.Scan;

/// <summary>
/// Writes the report to stdout, or to the <c>--output</c> file through a temporary file renamed into place,
/// so a failed or interrupted scan never leaves half a report where a CI step expects a whole one.
/// </summary>
internal static class ReportOutput
{
    /// <returns>Null when written; otherwise why not.</returns>
    public static async Task<string?> WriteAsync(IReportFormat format, ScanReport report, string? outputFile, CancellationToken cancellationToken)
    {
        if (outputFile is null)
        {
            await using var stdout = Console.OpenStandardOutput();
            await format.WriteAsync(report, stdout, cancellationToken);
            await stdout.FlushAsync(cancellationToken);
            return null;
        }

        var target = Path.GetFullPath(outputFile);
        var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
                await format.WriteAsync(report, file, cancellationToken);
            File.Move(temporary, target, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot write {target}: {e.Message}";
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
