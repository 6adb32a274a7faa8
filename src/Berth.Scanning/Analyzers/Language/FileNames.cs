namespace Berth.Scanning.Analyzers.Language;

/// <summary>Path tests shared by the analyzers' <c>Wants</c>: paths are image-relative and use '/'.</summary>
public static class FileNames
{
    public static string BaseName(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? path : path[(slash + 1)..];
    }

    /// <summary>
    /// Whether the last component of <paramref name="path"/> is <paramref name="name"/>. Every analyzer asks of every
    /// file of a layer, so this compares in place instead of cutting a new string per question.
    /// </summary>
    public static bool HasBaseName(string path, string name) =>
        path.EndsWith(name, StringComparison.Ordinal) && (path.Length == name.Length || path[^(name.Length + 1)] == '/');

    /// <summary>Whether the directory holding <paramref name="path"/> is named <paramref name="name"/> (compared in place).</summary>
    public static bool HasParentName(string path, string name)
    {
        var slash = path.LastIndexOf('/');
        return slash >= 0 && HasBaseName(path[..slash], name);
    }

    /// <summary>The name of the directory holding <paramref name="path"/>, or "" at the root.</summary>
    public static string ParentName(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : BaseName(path[..slash]);
    }
}
