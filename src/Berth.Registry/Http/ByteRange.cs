namespace Berth.Registry.Http;

/// <summary>One satisfiable byte range of a blob, from a GET's <c>Range: bytes=…</c> header.</summary>
public readonly record struct ByteRange(long Start, long Length)
{
    public long End => Start + Length - 1;

    /// <summary>
    /// Parses <c>bytes=a-b</c>, <c>bytes=a-</c> or <c>bytes=-n</c> against a blob of <paramref name="size"/>
    /// bytes. Returns false when the header is malformed or unsatisfiable (answered with 416).
    /// Multiple ranges are not served; the caller answers those with the whole blob.
    /// </summary>
    public static bool TryParse(string header, long size, out ByteRange range)
    {
        range = default;
        const string unit = "bytes=";
        if (!header.StartsWith(unit, StringComparison.OrdinalIgnoreCase)) return false;
        var spec = header.AsSpan(unit.Length).Trim();
        var dash = spec.IndexOf('-');
        if (dash < 0) return false;
        var first = spec[..dash].Trim();
        var last = spec[(dash + 1)..].Trim();

        if (first.IsEmpty)
        {
            if (!long.TryParse(last, out var suffix) || suffix <= 0 || size == 0) return false;
            var length = Math.Min(suffix, size);
            range = new ByteRange(size - length, length);
            return true;
        }
        if (!long.TryParse(first, out var start) || start < 0 || start >= size) return false;
        var end = size - 1;
        if (!last.IsEmpty)
        {
            if (!long.TryParse(last, out end) || end < start) return false;
            end = Math.Min(end, size - 1);
        }
        range = new ByteRange(start, end - start + 1);
        return true;
    }

    public static bool IsMultiple(string header) => header.Contains(',');
}
