namespace Berth.Scanning.Layers;

/// <summary>
/// Values keyed by image path, with the deletions whiteouts need: a path and everything under it, or only what lies
/// under a directory (opaque). Sorted ordinally so a subtree is one contiguous range ('/' sorts just before '0').
/// </summary>
internal sealed class PathIndex<T>
{
    private readonly SortedSet<string> _paths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T> _values = new(StringComparer.Ordinal);

    public IEnumerable<KeyValuePair<string, T>> Entries => _paths.Select(p => KeyValuePair.Create(p, _values[p]));

    public IReadOnlyCollection<string> Paths => _paths;

    public int Count => _paths.Count;

    public bool Contains(string path) => _values.ContainsKey(path);

    public void Set(string path, T value)
    {
        _paths.Add(path);
        _values[path] = value;
    }

    /// <summary>A whiteout: the path itself and, if it was a directory, everything beneath it.</summary>
    public void RemovePathAndBelow(string path)
    {
        if (_values.Remove(path)) _paths.Remove(path);
        RemoveBelow(path);
    }

    /// <summary>An opaque directory: everything beneath it ("" is the whole tree).</summary>
    public void RemoveBelow(string directory)
    {
        if (directory.Length == 0)
        {
            _paths.Clear();
            _values.Clear();
            return;
        }
        var doomed = _paths.GetViewBetween(directory + "/", directory + "0")
            .Where(p => LayerPath.IsWithin(p, directory) && p != directory)
            .ToList();
        foreach (var path in doomed)
        {
            _paths.Remove(path);
            _values.Remove(path);
        }
    }
}
