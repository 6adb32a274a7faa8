namespace Berth.Scanning.Analyzers.Language;

/// <summary>Path tests shared by the analyzers' <c>Wants</c>: paths are image-relative and use '/'.</summary>
public static class FileNames
{
    public static string BaseName(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? path : path[(slash + 1)..];
    }

    /// <summary>The name of the directory holding <paramref name="path"/>, or "" at the root.</summary>
    public static string ParentName(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : BaseName(path[..slash]);
    }
}
