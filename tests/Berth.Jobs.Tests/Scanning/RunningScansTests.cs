using Berth.Jobs.Scanning;

namespace Berth.Jobs.Tests.Scanning;

public sealed class RunningScansTests
{
    [Fact]
    public void Cancel_CancelsTheNamedScansRunningHere_AndNoOthers()
    {
        var running = new RunningScans();
        using var shutdown = new CancellationTokenSource();
        using var a = running.Start("report-a", shutdown.Token);
        using var b = running.Start("report-b", shutdown.Token);

        Assert.Equal(1, running.Cancel(["report-a", "report-elsewhere"]));

        Assert.True(a.IsCancellationRequested);
        Assert.False(b.IsCancellationRequested);
    }

    [Fact]
    public void AFinishedScan_IsNoLongerCancelled_AndShutdownCancelsTheRest()
    {
        var running = new RunningScans();
        using var shutdown = new CancellationTokenSource();
        using var a = running.Start("report-a", shutdown.Token);
        using var b = running.Start("report-b", shutdown.Token);
        running.Finish("report-a");

        Assert.Equal(0, running.Cancel(["report-a"]));
        Assert.False(a.IsCancellationRequested);
        shutdown.Cancel();
        Assert.True(b.IsCancellationRequested);
    }
}
