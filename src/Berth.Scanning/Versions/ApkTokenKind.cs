namespace Berth.Scanning.Versions;

/// <summary>
/// Token kinds of an Alpine version, in apk-tools' order: the order matters, because a kind may only follow
/// one that is not later than it (with three exceptions), and when two versions agree up to the point where one
/// runs out, the side whose next token kind is later sorts first.
/// </summary>
internal enum ApkTokenKind
{
    Invalid = -1,
    /// <summary>A component after <c>.</c>: leading zeros are counted (value −count) before its digits.</summary>
    DigitOrZero,
    Digit,
    /// <summary>One lower-case letter straight after digits (<c>1.7b</c>).</summary>
    Letter,
    /// <summary><c>_alpha</c>, <c>_beta</c>, <c>_pre</c>, <c>_rc</c> (negative values) or <c>_cvs</c>, <c>_svn</c>, <c>_git</c>, <c>_hg</c>, <c>_p</c>.</summary>
    Suffix,
    SuffixNumber,
    /// <summary>The number of <c>-rN</c>.</summary>
    RevisionNumber,
    End,
}
