namespace Berth.Scanning.Analyzers.Os;

/// <summary>
/// Reads deb822 control stanzas (dpkg's status file, distroless status.d files): "Field: value" lines, continuation
/// lines starting with a space or tab, stanzas separated by blank lines. Only each field's first line is kept — the
/// fields packages need are single-line; continuations are descriptions and conffile lists.
/// </summary>
internal sealed class ControlStanzaReader(Stream stream)
{
    private readonly TextLineReader _lines = new(stream);

    /// <summary>Lines that were neither a field, a continuation nor blank.</summary>
    public int MalformedLines { get; private set; }

    public int OverlongLines => _lines.OverlongLines;

    /// <returns>The next stanza's fields (names case-insensitive), or null at the end.</returns>
    public async ValueTask<Dictionary<string, string>?> ReadStanzaAsync(CancellationToken cancellationToken)
    {
        Dictionary<string, string>? stanza = null;
        while (await _lines.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Trim().Length == 0)
            {
                if (stanza is not null) return stanza;
                continue;
            }
            if (line[0] is ' ' or '\t') continue;
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                MalformedLines++;
                continue;
            }
            stanza ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            stanza.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }
        return stanza;
    }
}
