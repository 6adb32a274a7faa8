namespace Berth.Registry.Http;

/// <summary>
/// The <c>Content-Range</c> of an upload chunk. The spec writes it <c>&lt;start&gt;-&lt;end&gt;</c> (inclusive);
/// the HTTP form <c>bytes start-end/total</c> is accepted too, since some clients send it.
/// </summary>
public readonly record struct ContentRange(long Start, long End)
{
    public long Length => End - Start + 1;

    public static bool TryParse(string header, out ContentRange range)
    {
        range = default;
        var text = header.AsSpan().Trim();
        if (text.StartsWith("bytes", StringComparison.OrdinalIgnoreCase)) text = text[5..].TrimStart(" =");
        var slash = text.IndexOf('/');
        if (slash >= 0) text = text[..slash];
        var dash = text.IndexOf('-');
        if (dash <= 0) return false;
        if (!long.TryParse(text[..dash], out var start) || !long.TryParse(text[(dash + 1)..], out var end)) return false;
        if (start < 0 || end < start) return false;
        range = new ContentRange(start, end);
        return true;
    }
}
