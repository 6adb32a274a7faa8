namespace Berth.Scanning.Versions;

/// <summary>
/// One item of a Maven ComparableVersion: an integer, a qualifier string or a nested list (a list starts at a
/// <c>-</c> or at a digit/letter transition). The comparison rules are Maven's: integers beat qualifiers and
/// lists, lists beat qualifiers, qualifiers rank <c>alpha &lt; beta &lt; milestone &lt; rc &lt; snapshot &lt;
/// "" &lt; sp &lt;</c> any other word (lexical), and a missing item compares as the "null" item (0, "" or []).
/// </summary>
internal sealed class MavenItem
{
    private static readonly string[] Qualifiers = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];
    private static readonly string ReleaseRank = Array.IndexOf(Qualifiers, "").ToString(System.Globalization.CultureInfo.InvariantCulture);

    private enum Kind { Integer, Qualifier, List }

    private readonly Kind kind;
    private readonly string text;

    private MavenItem(Kind kind, string text)
    {
        this.kind = kind;
        this.text = text;
    }

    public List<MavenItem> Items { get; } = [];

    public static MavenItem NewList() => new(Kind.List, "");

    /// <summary>Digits compare by value of any length; leading zeros do not count.</summary>
    public static MavenItem Integer(string digits) => new(Kind.Integer, digits.TrimStart('0'));

    /// <summary>
    /// A word, with Maven's aliases applied: <c>a</c>, <c>b</c>, <c>m</c> right before a digit mean alpha, beta,
    /// milestone; ga, final and release mean the release itself; cr means rc.
    /// </summary>
    public static MavenItem Word(string word, bool followedByDigit)
    {
        if (followedByDigit && word.Length == 1)
        {
            word = word[0] switch { 'a' => "alpha", 'b' => "beta", 'm' => "milestone", _ => word };
        }
        word = word switch { "ga" or "final" or "release" => "", "cr" => "rc", _ => word };
        return new MavenItem(Kind.Qualifier, word);
    }

    /// <summary>The item equals the null item: 0, the release qualifier, or an empty list.</summary>
    public bool IsNull => kind switch
    {
        Kind.Integer => text.Length == 0,
        Kind.Qualifier => text.Length == 0,
        _ => Items.Count == 0,
    };

    /// <summary>Drops trailing null items, looking through trailing lists the way Maven's normalize does.</summary>
    public void Normalize()
    {
        for (var i = Items.Count - 1; i >= 0; i--)
        {
            if (Items[i].IsNull) Items.RemoveAt(i);
            else if (Items[i].kind != Kind.List) break;
        }
    }

    /// <summary>Compares with <paramref name="other"/>, or with the null item when it is null.</summary>
    public int CompareTo(MavenItem? other)
    {
        switch (kind)
        {
            case Kind.Integer:
                if (other is null) return text.Length == 0 ? 0 : 1;
                return other.kind == Kind.Integer ? Numerals.Compare(text, other.text) : 1;
            case Kind.Qualifier:
                if (other is null) return Math.Sign(string.CompareOrdinal(Rank(text), ReleaseRank));
                return other.kind switch
                {
                    Kind.Integer or Kind.List => -1,
                    _ => Math.Sign(string.CompareOrdinal(Rank(text), Rank(other.text))),
                };
            default:
                if (other is null)
                {
                    foreach (var item in Items)
                    {
                        var result = item.CompareTo(null);
                        if (result != 0) return result;
                    }
                    return 0;
                }
                if (other.kind == Kind.Integer) return -1;
                if (other.kind == Kind.Qualifier) return 1;
                for (var i = 0; i < Math.Max(Items.Count, other.Items.Count); i++)
                {
                    var left = i < Items.Count ? Items[i] : null;
                    var right = i < other.Items.Count ? other.Items[i] : null;
                    var result = left is null ? (right is null ? 0 : -right.CompareTo(null)) : left.CompareTo(right);
                    if (result != 0) return result;
                }
                return 0;
        }
    }

    /// <summary>Known qualifiers rank by position; other words after all of them, in lexical order.</summary>
    private static string Rank(string qualifier)
    {
        var index = Array.IndexOf(Qualifiers, qualifier);
        return index >= 0
            ? index.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : Qualifiers.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + qualifier;
    }
}
