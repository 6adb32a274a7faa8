namespace Berth.Scanning.Versions;

/// <summary>
/// Alpine (and Wolfi/Chainguard) package versions as apk-tools' <c>version.c</c> orders them, through Trivy's
/// go-apk-version port: numbers separated by dots (leading zeros after a dot sort lower: <c>1.01 &lt; 1.1</c>),
/// an optional letter (<c>1.7b</c>), suffixes <c>_alpha</c> &lt; <c>_beta</c> &lt; <c>_pre</c> &lt; <c>_rc</c> &lt;
/// (none) &lt; <c>_cvs</c> &lt; <c>_svn</c> &lt; <c>_git</c> &lt; <c>_hg</c> &lt; <c>_p</c>, each with an optional
/// number, and a revision <c>-rN</c>. When two versions agree until one runs out, the longer one is newer unless
/// it continues with a pre-release suffix (<c>2.11 &lt; 2.11-r1</c>, <c>1.1_alpha1 &lt; 1.1</c>).
/// A version is valid when it is non-empty and tokenizes to its end; <c>_b</c> and other unknown suffixes are
/// invalid as in apk-tools (go-apk-version additionally reads <c>_b</c> as a pre-release).
/// Unreadable versions are compared the apk-tools way, not with <see cref="UnreadableVersions"/>: tokens are
/// compared up to the first bad one (<c>23_foo &gt; 4_beta</c>, <c>1.0 &lt; 1.0bc</c>), which never throws and
/// keeps apk's own answers for the odd versions found in real indexes.
/// </summary>
public sealed class ApkVersionScheme : IVersionScheme
{
    public string Name => "apk";

    public bool IsValid(string version)
    {
        var text = version.AsSpan().Trim();
        if (text.IsEmpty) return false;
        var tokenizer = new ApkTokenizer(text);
        var kind = ApkTokenKind.Digit;
        while (kind is not (ApkTokenKind.End or ApkTokenKind.Invalid)) tokenizer.Read(ref kind);
        return kind == ApkTokenKind.End;
    }

    public int Compare(string left, string right)
    {
        var a = new ApkTokenizer(left.AsSpan().Trim());
        var b = new ApkTokenizer(right.AsSpan().Trim());
        var aKind = ApkTokenKind.Digit;
        var bKind = ApkTokenKind.Digit;
        var aValue = ApkTokenValue.Zero;
        var bValue = ApkTokenValue.Zero;
        while (aKind == bKind && aKind is not (ApkTokenKind.End or ApkTokenKind.Invalid) && aValue.CompareTo(bValue) == 0)
        {
            aValue = a.Read(ref aKind);
            bValue = b.Read(ref bKind);
        }

        var result = aValue.CompareTo(bValue);
        if (result != 0) return Math.Sign(result);
        if (aKind == bKind) return 0;

        // Equal so far: the side that continues is newer, unless what follows is a pre-release suffix.
        var peekKind = aKind;
        if (aKind == ApkTokenKind.Suffix && a.Read(ref peekKind).Value < 0) return -1;
        peekKind = bKind;
        if (bKind == ApkTokenKind.Suffix && b.Read(ref peekKind).Value < 0) return 1;
        return aKind > bKind ? -1 : aKind < bKind ? 1 : 0;
    }
}
