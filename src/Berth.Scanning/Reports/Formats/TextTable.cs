using System.Text;

namespace Berth.Scanning.Reports.Formats;

/// <summary>
/// A box-drawn table whose column widths fit the widest cell. Cells may carry colour codes around their text; the
/// width counts only the visible text, so colour never breaks the alignment.
/// </summary>
internal sealed class TextTable(IReadOnlyList<string> headers)
{
    private readonly List<(string Text, string? Before, string? After)[]> _rows = [];

    public void Add(params (string Text, string? Before, string? After)[] cells) => _rows.Add(cells);

    public IEnumerable<string> Lines()
    {
        var widths = headers.Select((header, i) => Math.Max(header.Length, _rows.Count == 0 ? 0 : _rows.Max(row => row[i].Text.Length))).ToArray();
        yield return Border('┌', '┬', '┐', widths);
        yield return Row([.. headers.Select(h => (h, (string?)null, (string?)null))], widths);
        yield return Border('├', '┼', '┤', widths);
        foreach (var row in _rows) yield return Row(row, widths);
        yield return Border('└', '┴', '┘', widths);
    }

    private static string Border(char left, char middle, char right, int[] widths) =>
        left + string.Join(middle, widths.Select(w => new string('─', w + 2))) + right;

    private static string Row((string Text, string? Before, string? After)[] cells, int[] widths)
    {
        var line = new StringBuilder("│");
        for (var i = 0; i < cells.Length; i++)
        {
            var (text, before, after) = cells[i];
            line.Append(' ').Append(before).Append(text).Append(after).Append(' ', widths[i] - text.Length + 1).Append('│');
        }
        return line.ToString();
    }
}
