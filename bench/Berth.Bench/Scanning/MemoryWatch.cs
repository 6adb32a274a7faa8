namespace Berth.Bench.Scanning;

/// <summary>
/// Samples the process's working set and managed heap every few milliseconds on its own thread while a scan runs,
/// keeping the peaks: the kernel's lifetime peak (Process.PeakWorkingSet64) says nothing about one phase.
/// </summary>
public sealed class MemoryWatch : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stopped;

    public MemoryWatch()
    {
        StartWorkingSet = Environment.WorkingSet;
        _thread = new Thread(Sample) { IsBackground = true, Name = "memory-watch" };
        _thread.Start();
    }

    public long StartWorkingSet { get; }

    public long PeakWorkingSet { get; private set; }

    public long PeakManagedHeap { get; private set; }

    private void Sample()
    {
        while (!_stopped)
        {
            Observe();
            Thread.Sleep(5);
        }
    }

    private void Observe()
    {
        PeakWorkingSet = Math.Max(PeakWorkingSet, Environment.WorkingSet);
        PeakManagedHeap = Math.Max(PeakManagedHeap, GC.GetTotalMemory(forceFullCollection: false));
    }

    public void Dispose()
    {
        _stopped = true;
        _thread.Join();
        Observe();
    }
}
