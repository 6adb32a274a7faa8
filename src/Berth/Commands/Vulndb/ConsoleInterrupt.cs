namespace Berth.Commands.Vulndb;

/// <summary>
/// Ctrl-C cancels the running command instead of killing the process, so temporary files
/// are removed and a half-written batch is rolled back.
/// </summary>
internal static class ConsoleInterrupt
{
    public static CancellationTokenSource Listen()
    {
        var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The second Ctrl-C ends the process at once, as users expect.
            if (cancellation.IsCancellationRequested) return;
            e.Cancel = true;
            cancellation.Cancel();
        };
        return cancellation;
    }
}
