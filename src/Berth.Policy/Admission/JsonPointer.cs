namespace Berth.Policy.Admission;

/// <summary>RFC 6901 JSON Pointers, as a JSON Patch's <c>path</c> names a place in the object.</summary>
public static class JsonPointer
{
    /// <summary>The pointer to the location reached by <paramref name="segments"/>, each escaped ('~' as ~0, '/' as ~1).</summary>
    public static string Of(IEnumerable<string> segments) =>
        string.Concat(segments.Select(s => "/" + Escape(s)));

    /// <summary>'~' first, so the '~' that escaping '/' introduces is not escaped again.</summary>
    public static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
