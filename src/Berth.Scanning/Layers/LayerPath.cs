namespace Berth.Scanning.Layers;

/// <summary>
/// Turns a tar entry name into a path relative to the image root: leading '/' and './' dropped, '.' and empty
/// segments removed, '..' resolved. A name whose '..' climbs above the root is refused (null) rather than clamped,
/// because such an entry is hostile or broken and must never be mistaken for a file inside the image.
/// </summary>
public static class LayerPath
{
    /// <returns>The cleaned path ("" for the root itself), or null when the name escapes the root or holds a NUL.</returns>
    public static string? Clean(string name)
    {
        if (name.Contains('\0')) return null;
        var segments = new List<string>();
        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0 || segment == ".") continue;
            if (segment == "..")
            {
                if (segments.Count == 0) return null;
                segments.RemoveAt(segments.Count - 1);
                continue;
            }
            segments.Add(segment);
        }
        return string.Join('/', segments);
    }

    /// <summary>The directory part of a cleaned path ("" at the root).</summary>
    public static string Directory(string cleaned)
    {
        var slash = cleaned.LastIndexOf('/');
        return slash < 0 ? "" : cleaned[..slash];
    }

    /// <summary>The last segment of a cleaned path.</summary>
    public static string FileName(string cleaned) => cleaned[(cleaned.LastIndexOf('/') + 1)..];

    /// <summary>Joins a cleaned directory and a name.</summary>
    public static string Combine(string directory, string name) => directory.Length == 0 ? name : directory + "/" + name;

    /// <summary>Whether <paramref name="path"/> is <paramref name="root"/> or lies beneath it ("" contains everything).</summary>
    public static bool IsWithin(string path, string root) =>
        root.Length == 0 || path == root || path.Length > root.Length && path[root.Length] == '/' && path.StartsWith(root, StringComparison.Ordinal);

    /// <summary>
    /// Whether a symlink at <paramref name="linkPath"/> pointing at <paramref name="target"/> would resolve outside the
    /// image root. Absolute targets resolve against the image root, so only relative '..' chains can escape.
    /// </summary>
    public static bool LinkEscapes(string linkPath, string target)
    {
        if (target.StartsWith('/')) return Clean(target) is null;
        return Clean(Combine(Directory(linkPath), target)) is null;
    }
}
