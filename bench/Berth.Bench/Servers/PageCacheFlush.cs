using System.Diagnostics;

namespace Berth.Bench.Servers;

/// <summary>
/// Writes dirty pages to disk before a registry is loaded. One side of a comparison pushes about
/// 10 GB; whatever of it the kernel has not written back yet must not be flushed on the next side's
/// time.
/// </summary>
public static class PageCacheFlush
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public static async Task RunAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
        if (sync is null)
        {
            return;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        try
        {
            await sync.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine($"sync did not finish within {Limit.TotalMinutes:0} min; going on");
            return;
        }

        Console.Error.WriteLine($"flushed dirty pages to disk in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
    }
}
