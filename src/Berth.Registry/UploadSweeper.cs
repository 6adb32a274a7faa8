using Berth.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Berth.Registry;

/// <summary>Removes upload sessions left idle past <see cref="RegistryOptions.UploadExpiry"/>, with their data.</summary>
public sealed partial class UploadSweeper(IUploadStore uploads, IOptions<RegistryOptions> options, ILogger<UploadSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.UploadSweepInterval);
        try
        {
            await SweepUntilStoppedAsync(timer, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping is not a failure, even when the host stops before it fully started (a port in
            // use): without this the host logs the cancellation as a crashed background service.
        }
    }

    private async Task SweepUntilStoppedAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        do
        {
            try
            {
                var removed = await uploads.RemoveExpiredAsync(options.Value.UploadExpiry, stoppingToken);
                if (removed > 0) LogRemoved(logger, removed, options.Value.UploadExpiry);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "removed {Count} upload sessions idle for more than {Expiry}")]
    private static partial void LogRemoved(ILogger logger, int count, TimeSpan expiry);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "sweeping expired upload sessions failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
