namespace Berth.Scanning.Versions;

/// <summary>
/// Maven versions as <c>org.apache.maven.artifact.versioning.ComparableVersion</c> orders them (through Trivy's
/// go-mvn-version): lower-cased, split on <c>.</c>, <c>-</c> and digit/letter transitions into integers,
/// qualifiers and nested lists (see <see cref="MavenItem"/>), empty components read as 0, trailing null items
/// dropped. So <c>1.0.0.RELEASE == 1</c>, <c>1-alpha2snapshot &lt; 1-alpha2 &lt; 1-beta-2 &lt; 1-rc &lt;
/// 1-SNAPSHOT &lt; 1 &lt; 1-sp &lt; 1-abc &lt; 1-1</c>.
/// ComparableVersion accepts any text, so does Compare; <see cref="IsValid"/> only rejects what no Maven
/// version looks like: an empty string, whitespace or control characters inside, or nesting deeper than
/// <see cref="MaxDepth"/> lists (a guard against hostile input), which Compare orders with
/// <see cref="UnreadableVersions"/>.
/// </summary>
public sealed class MavenVersionScheme : IVersionScheme
{
    /// <summary>Deepest list nesting read; each digit/letter switch or dash opens one level.</summary>
    public const int MaxDepth = 512;

    public string Name => "maven";

    public bool IsValid(string version) => Parse(version) is not null;

    public int Compare(string left, string right) =>
        UnreadableVersions.Compare(left, right, Parse, static (l, r) => l.CompareTo(r));

    /// <summary>ComparableVersion's parseVersion; null for what <see cref="IsValid"/> rejects.</summary>
    internal static MavenItem? Parse(string version)
    {
        var text = version.Trim().ToLowerInvariant();
        if (text.Length == 0 || text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))) return null;
        var root = MavenItem.NewList();
        var lists = new List<MavenItem> { root };
        var list = root;
        var isDigit = false;
        var start = 0;

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '.' or '-')
            {
                list.Items.Add(i == start ? MavenItem.Integer("0") : Item(isDigit, text[start..i], followedByDigit: false));
                start = i + 1;
                if (c == '-' && !TryOpen(ref list, lists)) return null;
            }
            else if (char.IsAsciiDigit(c))
            {
                if (!isDigit && i > start)
                {
                    // "alpha1": the word, then the number in a nested list.
                    list.Items.Add(MavenItem.Word(text[start..i], followedByDigit: true));
                    start = i;
                    if (!TryOpen(ref list, lists)) return null;
                }
                isDigit = true;
            }
            else
            {
                if (isDigit && i > start)
                {
                    // "1alpha": the number, then the word in a nested list.
                    list.Items.Add(MavenItem.Integer(text[start..i]));
                    start = i;
                    if (!TryOpen(ref list, lists)) return null;
                }
                isDigit = false;
            }
        }
        if (text.Length > start) list.Items.Add(Item(isDigit, text[start..], followedByDigit: false));

        // Innermost lists first, as Maven pops its stack.
        for (var i = lists.Count - 1; i >= 0; i--) lists[i].Normalize();
        return root;
    }

    /// <summary>Opens a list nested in <paramref name="list"/> and makes it current; false past <see cref="MaxDepth"/>.</summary>
    private static bool TryOpen(ref MavenItem list, List<MavenItem> lists)
    {
        if (lists.Count > MaxDepth) return false;
        var child = MavenItem.NewList();
        list.Items.Add(child);
        lists.Add(child);
        list = child;
        return true;
    }

    private static MavenItem Item(bool isDigit, string text, bool followedByDigit) =>
        isDigit ? MavenItem.Integer(text) : MavenItem.Word(text, followedByDigit);
}
