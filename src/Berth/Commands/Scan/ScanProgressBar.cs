namespace Berth.Commands.Scan;

/// <summary>
/// Layers done out of the total, redrawn in place on stderr. Only for a person watching: the bar is drawn
/// when stderr is a terminal and the image has more than one layer, never on stdout where the report goes.
/// </summary>
internal sealed class ScanProgressBar(TextWriter terminal, int totalLayers) : IProgress<int>, IDisposable
{
    private const int Width = 30;
    private int _drawn = -1;

    /// <summary>A bar when one is worth drawing, else null.</summary>
    public static ScanProgressBar? ForTerminal(int totalLayers) =>
        totalLayers > 1 && !Console.IsErrorRedirected ? new ScanProgressBar(Console.Error, totalLayers) : null;

    public void Start() => Draw(0);

    public void Report(int value) => Draw(Math.Clamp(value, 0, totalLayers));

    private void Draw(int done)
    {
        if (done == _drawn) return;
        _drawn = done;
        var filled = Width * done / totalLayers;
        terminal.Write($"\rscanning layers [{new string('#', filled)}{new string('.', Width - filled)}] {done}/{totalLayers}");
        terminal.Flush();
    }

    /// <summary>Erases the bar so whatever follows on the terminal starts on a clean line.</summary>
    public void Dispose()
    {
        if (_drawn < 0) return;
        terminal.Write($"\r{new string(' ', Width + 40)}\r");
        terminal.Flush();
    }
}
