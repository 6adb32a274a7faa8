using Berth.Metadata.Scans;

namespace Berth.Jobs.Tests.Scanning;

/// <summary>Counts the scan-all requests a schedule fires; the scanning itself is not what these tests are about.</summary>
internal sealed class CountingScheduler : IScanScheduler
{
    private int _scanAll;

    public int ScanAll => _scanAll;

    public Task<int> ScheduleAllAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _scanAll);
        return Task.FromResult(0);
    }

    public Task<ScanScheduling> ScheduleAsync(string repository, string digest, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<ScanStop> StopAsync(string repository, string digest, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<int> StopAllAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
}
