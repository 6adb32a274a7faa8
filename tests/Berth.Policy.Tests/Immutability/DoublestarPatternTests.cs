using Berth.Policy.Immutability;

namespace Berth.Policy.Tests.Immutability;

/// <summary>The doublestar syntax Harbor's selectors use, case by case (doublestar v1 semantics where versions differ).</summary>
public sealed class DoublestarPatternTests
{
    [Theory]
    // Literals and whole-name matching.
    [InlineData("abc", "abc", true)]
    [InlineData("abc", "abcd", false)]
    [InlineData("abc", "ab", false)]
    [InlineData("v1.0", "v1.0", true)]
    [InlineData("Latest", "latest", false)]
    // '*' within one component, possibly empty.
    [InlineData("*", "abc", true)]
    [InlineData("*", "", true)]
    [InlineData("*c", "abc", true)]
    [InlineData("a*", "a", true)]
    [InlineData("a*", "ab/c", false)]
    [InlineData("a*/b", "abc/b", true)]
    [InlineData("a*/b", "a/c/b", false)]
    [InlineData("v*", "v1.2.3", true)]
    [InlineData("v*", "release-1", false)]
    [InlineData("a*b*c*d*e*/f", "axbxcxdxexxx/f", true)]
    [InlineData("a*b*c*d*e*/f", "axbxcxdxe/xxx/f", false)]
    [InlineData("a*b?c*x", "abxbbxdbxebxczzx", true)]
    [InlineData("a*b?c*x", "abxbbxdbxebxczzy", false)]
    [InlineData("*x", "xxx", true)]
    // '?' is one character, never a slash.
    [InlineData("a?b", "axb", true)]
    [InlineData("a?b", "ab", false)]
    [InlineData("a?b", "a/b", false)]
    [InlineData("a?b", "a☺b", true)]
    [InlineData("a???b", "a☺b", false)]
    // Character classes: sets, ranges, negation with ^ or !, escapes inside.
    [InlineData("ab[c]", "abc", true)]
    [InlineData("ab[b-d]", "abc", true)]
    [InlineData("ab[e-g]", "abc", false)]
    [InlineData("ab[^c]", "abc", false)]
    [InlineData("ab[!c]", "abd", true)]
    [InlineData("ab[^b-d]", "abc", false)]
    [InlineData("ab[^e-g]", "abc", true)]
    [InlineData("v[0-9].[0-9]", "v1.7", true)]
    [InlineData("v[0-9].[0-9]", "v1.x", false)]
    [InlineData("[a-ζ]*", "α", true)]
    [InlineData("*[a-ζ]", "A", false)]
    [InlineData("[\\]a]", "]", true)]
    [InlineData("[\\-]", "-", true)]
    [InlineData("[x\\-]", "-", true)]
    [InlineData("[x\\-]", "z", false)]
    [InlineData("[\\-x]", "x", true)]
    [InlineData("a[^/]b", "a/b", false)]
    // Escaping makes a special character literal.
    [InlineData("a\\*b", "a*b", true)]
    [InlineData("a\\*b", "axb", false)]
    [InlineData("a\\?", "a?", true)]
    [InlineData("\\[x]", "[x]", true)]
    [InlineData("\\{a,b}", "{a,b}", true)]
    [InlineData("a/\\**", "a/b/c", false)]
    [InlineData("a/\\**", "a/*x", true)]
    // '**' as a whole component crosses components; elsewhere it is one '*'.
    [InlineData("**", "redis", true)]
    [InlineData("**", "team/app/web", true)]
    [InlineData("a/**", "a", false)]
    [InlineData("a/**", "a/b", true)]
    [InlineData("a/**", "a/b/c", true)]
    [InlineData("a/**", "b/c", false)]
    [InlineData("**/c", "c", true)]
    [InlineData("**/c", "a/b/c", true)]
    [InlineData("**/c", "a/b", false)]
    [InlineData("**/c", "a/abc", false)]
    [InlineData("a/**/b", "a/b", true)]
    [InlineData("a/**/d", "a/b/c/d", true)]
    [InlineData("a/**/d", "a/b/c/e", false)]
    [InlineData("**/x/**/y", "p/x/q/r/y", true)]
    [InlineData("**/x/**/y", "p/q/r/y", false)]
    [InlineData("release-**", "release-1.10", true)]
    [InlineData("release-**", "release/1.10", false)]
    [InlineData("abc**", "abc", true)]
    [InlineData("**abc", "abc", true)]
    [InlineData("team/*", "team/app", true)]
    [InlineData("team/*", "team/app/web", false)]
    // Alternatives, nested, with globs inside, and across components.
    [InlineData("ab{c,d}", "abc", true)]
    [InlineData("ab{c,d}", "abe", false)]
    [InlineData("ab{c,d,*}", "abcde", true)]
    [InlineData("{image_a,image_b}", "image_b", true)]
    [InlineData("{image_a,image_b}", "image_c", false)]
    [InlineData("v{1,2{.0,.1}}", "v2.1", true)]
    [InlineData("v{1,2{.0,.1}}", "v2.2", false)]
    [InlineData("{,pre-}v1", "v1", true)]
    [InlineData("{,pre-}v1", "pre-v1", true)]
    [InlineData("{team/app,ops/**}", "ops/tools/x", true)]
    [InlineData("{team/app,ops/**}", "team/web", false)]
    [InlineData("{[ab],c}x", "bx", true)]
    [InlineData("{[,],c}x", ",x", true)]
    // Braces and commas without a partner are literal.
    [InlineData("a}b", "a}b", true)]
    [InlineData("a,b", "a,b", true)]
    public void IsMatch(string pattern, string name, bool expected)
    {
        var parsed = DoublestarPattern.TryParse(pattern, out var problem);
        Assert.True(parsed is not null, problem);
        Assert.Equal(expected, parsed.IsMatch(name));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("\\", "lone '\\'")]
    [InlineData("abc\\", "lone '\\'")]
    [InlineData("[", "'[' at position 1 has no closing ']'")]
    [InlineData("a[", "'[' at position 2 has no closing ']'")]
    [InlineData("[^bc", "'[' at position 1 has no closing ']'")]
    [InlineData("[a\\", "has no closing ']'")]
    [InlineData("[]a]", "character class at position 1 is empty")]
    [InlineData("[^]", "character class at position 1 is empty")]
    [InlineData("[-]", "'-' with no character before it")]
    [InlineData("[-x]", "'-' with no character before it")]
    [InlineData("[a-b-c]", "'-' with no character before it")]
    [InlineData("[x-]", "'-' with no character after it")]
    [InlineData("v[9-0]", "the range '9-0' in the character class at position 2 runs backwards")]
    [InlineData("{a,b", "'{' at position 1 has no closing '}'")]
    [InlineData("x{a,{b}", "'{' at position 2 has no closing '}'")]
    [InlineData("ab{c,d}[", "'[' at position 8 has no closing ']'")]
    public void TryParse_RefusesMalformedPatterns_NamingTheProblem(string pattern, string expected)
    {
        Assert.Null(DoublestarPattern.TryParse(pattern, out var problem));
        Assert.NotNull(problem);
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void TryParse_RefusesPatternsThatExpandToTooManyAlternatives()
    {
        // 4^5 = 1024 alternatives.
        Assert.Null(DoublestarPattern.TryParse("{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b,c,d}", out var problem));
        Assert.Contains("more than 256", problem);
        Assert.NotNull(DoublestarPattern.TryParse("{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b,c,d}", out _));
    }

    [Fact]
    public void TryParse_RefusesOverlongPatterns()
    {
        Assert.Null(DoublestarPattern.TryParse(new string('a', DoublestarPattern.MaxLength + 1), out var problem));
        Assert.Contains($"at most {DoublestarPattern.MaxLength}", problem);
    }

    [Fact]
    public void ManyGlobstars_AgainstADeepName_AnswerWithoutBacktrackingBlowUp()
    {
        var pattern = DoublestarPattern.Parse(string.Join('/', Enumerable.Repeat("**", 30)) + "/z");
        var deep = string.Join('/', Enumerable.Repeat("a", 60));

        Assert.False(pattern.IsMatch(deep));
        Assert.True(pattern.IsMatch(deep + "/z"));
    }

    [Fact]
    public void Parse_ThrowsForAStoredPatternThatIsInvalid()
    {
        var error = Assert.Throws<FormatException>(() => DoublestarPattern.Parse("[z-a]"));
        Assert.Contains("runs backwards", error.Message);
    }
}
