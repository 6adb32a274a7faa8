namespace Berth.Scanning.Versions;

/// <summary>
/// Reads an Alpine version token by token, as apk-tools' <c>get_token</c>/<c>next_token</c> do: each read
/// returns the value of a token of the kind the previous read announced, and announces the kind of the next.
/// Values are <see cref="ApkTokenValue"/>s so digit runs of any length compare correctly.
/// </summary>
internal ref struct ApkTokenizer(ReadOnlySpan<char> text)
{
    private static readonly string[] PreReleaseSuffixes = ["alpha", "beta", "pre", "rc"];
    private static readonly string[] PostReleaseSuffixes = ["cvs", "svn", "git", "hg", "p"];

    private readonly ReadOnlySpan<char> text = text;
    private int position;

    /// <summary>Reads the token of <paramref name="kind"/> and sets <paramref name="kind"/> to the next token's kind.</summary>
    public ApkTokenValue Read(ref ApkTokenKind kind)
    {
        var value = ApkTokenValue.Zero;
        var next = ApkTokenKind.Invalid;
        switch (kind)
        {
            case ApkTokenKind.DigitOrZero when Peek() == '0':
                // Leading zeros after a dot make the component sort below any without them: 1.01 < 1.1, 1.001 < 1.01.
                var zeros = 0;
                while (Peek() == '0') { zeros++; position++; }
                value = ApkTokenValue.Small(-zeros);
                // The digits after the zeros are a token of their own. apk-tools 2.x and go-apk-version also emit an
                // empty one when no digits follow, which makes "1.0.0_rc9" sort after "1.0.0" (the empty digit
                // token outranks the end). With nothing but a suffix, revision or letter after the zeros we go
                // straight to that token instead, so 1.0.0_rc9 < 1.0.0 (secdb lists runc fixes in 1.0.0_rc9).
                // Before a '.' the empty token stays, keeping apk's "1.0.5 < 1.05".
                next = char.IsAsciiDigit(Peek()) || Peek() == '.' ? ApkTokenKind.Digit : ApkTokenKind.Invalid;
                break;
            case ApkTokenKind.DigitOrZero:
            case ApkTokenKind.Digit:
            case ApkTokenKind.SuffixNumber:
            case ApkTokenKind.RevisionNumber:
                var start = position;
                while (position < text.Length && char.IsAsciiDigit(text[position])) position++;
                value = ApkTokenValue.Number(text[start..position]);
                break;
            case ApkTokenKind.Letter:
                value = ApkTokenValue.Small(text[position]);
                position++;
                break;
            case ApkTokenKind.Suffix:
                if (MatchSuffix(PreReleaseSuffixes) is int pre) value = ApkTokenValue.Small(pre - PreReleaseSuffixes.Length);
                else if (MatchSuffix(PostReleaseSuffixes) is int post) value = ApkTokenValue.Small(post);
                else { kind = ApkTokenKind.Invalid; return ApkTokenValue.Small(-1); }
                break;
            default:
                kind = ApkTokenKind.Invalid;
                return ApkTokenValue.Small(-1);
        }

        if (position >= text.Length) kind = ApkTokenKind.End;
        else if (next != ApkTokenKind.Invalid) kind = next;
        else kind = NextKind(kind);
        return value;
    }

    private int? MatchSuffix(string[] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (text[position..].StartsWith(names[i], StringComparison.Ordinal))
            {
                position += names[i].Length;
                return i;
            }
        }
        return null;
    }

    /// <summary>Decides the kind of the next token from the character after the current one.</summary>
    private ApkTokenKind NextKind(ApkTokenKind current)
    {
        var c = text[position];
        ApkTokenKind next;
        if (current is ApkTokenKind.Digit or ApkTokenKind.DigitOrZero && char.IsAsciiLetterLower(c)) next = ApkTokenKind.Letter;
        else if (current == ApkTokenKind.Letter && char.IsAsciiDigit(c)) next = ApkTokenKind.Digit;
        else if (current == ApkTokenKind.Suffix && char.IsAsciiDigit(c)) next = ApkTokenKind.SuffixNumber;
        else
        {
            position++;
            switch (c)
            {
                case '.': next = ApkTokenKind.DigitOrZero; break;
                case '_': next = ApkTokenKind.Suffix; break;
                case '-' when position < text.Length:
                    // "-r5"; like Trivy's go-apk-version, any single character after the dash is accepted.
                    position++;
                    next = ApkTokenKind.RevisionNumber;
                    break;
                default: return ApkTokenKind.Invalid;
            }
        }

        if (next < current && !(next == ApkTokenKind.DigitOrZero && current == ApkTokenKind.Digit)
            && !(next == ApkTokenKind.Suffix && current == ApkTokenKind.SuffixNumber)
            && !(next == ApkTokenKind.Digit && current == ApkTokenKind.Letter))
        {
            return ApkTokenKind.Invalid;
        }
        return next;
    }

    private readonly char Peek() => position < text.Length ? text[position] : '\0';
}
