using System.Text;

namespace Berth.Scanning.Analyzers.Os;

/// <summary>
/// Reads a text file line by line with every line capped: StreamReader.ReadLine would build one string of whatever a
/// hostile file holds between two newlines. Longer lines are cut at the cap and counted in <see cref="OverlongLines"/>.
/// </summary>
internal sealed class TextLineReader(Stream stream, int maxLineLength = 64 * 1024)
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024, leaveOpen: true);
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _line = new();
    private int _position;
    private int _length;

    public int OverlongLines { get; private set; }

    /// <returns>The next line without its terminator, or null at the end.</returns>
    public async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.Clear();
        var overlong = false;
        while (true)
        {
            if (_position == _length)
            {
                _length = await _reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
                _position = 0;
                if (_length == 0) return _line.Length == 0 && !overlong ? null : Finish(overlong);
            }
            var span = _buffer.AsSpan(_position, _length - _position);
            var newline = span.IndexOf('\n');
            var take = newline < 0 ? span : span[..newline];
            var room = maxLineLength - _line.Length;
            if (take.Length > room)
            {
                overlong = true;
                take = take[..room];
            }
            _line.Append(take);
            if (newline >= 0)
            {
                _position += newline + 1;
                return Finish(overlong);
            }
            _position = _length;
        }
    }

    private string Finish(bool overlong)
    {
        if (overlong) OverlongLines++;
        if (_line.Length > 0 && _line[^1] == '\r') _line.Length--;
        return _line.ToString();
    }
}
