using Berth.Scanning.Versions;

namespace Berth.Scanning.Tests.Versions;

public sealed class RpmVersionSchemeTests
{
    private static readonly RpmVersionScheme Scheme = new();

    // rpm's tests/rpmvercmp.at style: the reference's vectors plus the rules' corner cases.
    [Theory]
    [InlineData("1.0 = 1.0")]
    [InlineData("1.0 < 2.0")]
    [InlineData("2.0 < 2.0.1")]
    [InlineData("2.0.1a > 2.0.1")]
    [InlineData("5.5p1 < 5.5p10")]
    [InlineData("5.5p1 = 5.5p1")]
    [InlineData("5.5p10 > 5.5p1")]
    [InlineData("10xyz < 10.1xyz")]
    [InlineData("xyz10 < xyz10.1")]
    [InlineData("xyz.4 < 8")]
    [InlineData("xyz.4 < 2")]
    [InlineData("5.5p2 < 5.6p1")]
    [InlineData("5.6p1 < 6.5p1")]
    [InlineData("6.0.rc1 > 6.0")]
    [InlineData("6.0 < 6.0.rc1")]
    [InlineData("10b2 > 10a1")]
    [InlineData("10a2 < 10b2")]
    [InlineData("1.0aa > 1.0a")]
    [InlineData("1.0a < 1.0aa")]
    [InlineData("10.0001 = 10.1")]
    [InlineData("10.0001 = 10.0001")]
    [InlineData("10.0001 < 10.0039")]
    [InlineData("4.999.9 < 5.0")]
    [InlineData("20101121 > 20101120")]
    [InlineData("2.0 = 2_0")]
    [InlineData("2.0 = 2.0.")]
    [InlineData("a = a")]
    [InlineData("a+ = a+")]
    [InlineData("a+ = a_")]
    [InlineData("+a = _a")]
    [InlineData("+_ = _+")]
    [InlineData("+ = _")]
    [InlineData("1.0~rc1 = 1.0~rc1")]
    [InlineData("1.0~rc1 < 1.0")]
    [InlineData("1.0~rc1 < 1.0~rc2")]
    [InlineData("1.0~rc1~git123 < 1.0~rc1")]
    [InlineData("1.0^ = 1.0^")]
    [InlineData("1.0^ > 1.0")]
    [InlineData("1.0^git1 = 1.0^git1")]
    [InlineData("1.0^git1 > 1.0")]
    [InlineData("1.0^git1 < 1.01")]
    [InlineData("1.0^20160101 < 1.0.1")]
    [InlineData("1.0^20160101^git1 < 1.0^20160102")]
    [InlineData("1.0~rc1^git1 > 1.0~rc1")]
    [InlineData("1.0^git1~pre < 1.0^git1")]
    [InlineData("1.0^git1 < 1.0^git2")]
    [InlineData("1.0^git1~pre > 1.0")]
    [InlineData("1:1.0~rc1 > 0:1.0~rc1")]
    [InlineData("1:1.0 > 2.0")]
    [InlineData("0:1.0 = 1.0")]
    [InlineData("2.9.1-6.0.1.el7_2.3 > 2.9.1-6.el7_2.3")]
    [InlineData("3.10.0-327.28.3.el7 > 3.10.0-327.el7")]
    [InlineData("2.23.2-22.el7_1 < 2.23.2-22.el7_1.1")]
    [InlineData("1.0-1 > 1.0")]
    [InlineData("1.0-1.el9 < 1.0-2.el9")]
    [InlineData("1.2.3-10.el8 > 1.2.3-9.el8")]
    [InlineData("7.76.1-26.el9_3.2 < 7.76.1-29.el9_4")]
    [InlineData("1.99999999999999999999 < 1.100000000000000000000")]
    [InlineData("99999999999999999999:1 > 9:1")]
    [InlineData("x:1.0 = 0:1.0")]
    public void AgreesWithRpmvercmp(string line)
    {
        var parts = line.Split(' ');
        var (left, op, right) = (parts[0], parts[1], parts[2]);
        switch (op)
        {
            case "<": SchemeAssert.Less(Scheme, left, right); break;
            case ">": SchemeAssert.Less(Scheme, right, left); break;
            default: SchemeAssert.Equal(Scheme, left, right); break;
        }
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1:2.9.1-6.el7")]
    [InlineData("0.0.1-rls")]
    [InlineData("1.0^git1")]
    [InlineData("1.0~rc1")]
    public void Valid(string version) => Assert.True(Scheme.IsValid(version), version);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("x:1.0")]
    [InlineData("1.0 1")]
    [InlineData("...")]
    [InlineData("-1")]
    public void InvalidVersionsStillCompareTheRpmWay(string version)
    {
        Assert.False(Scheme.IsValid(version), version);
        Assert.Equal(0, Scheme.Compare(version, version));
        Assert.Equal(Math.Sign(Scheme.Compare(version, "1.0")), -Math.Sign(Scheme.Compare("1.0", version)));
    }
}
