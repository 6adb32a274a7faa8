using Berth.Scanning.Advisories;
using Berth.Scanning.Advisories.Cvss;

namespace Berth.Scanning.Tests.Advisories;

public sealed class CvssTests
{
    [Theory]
    // Given in the task / the specification's own examples.
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0)]
    [InlineData("CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8)]
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:L", 3.7)]
    // Worked by hand with the formula:
    // ISS = 1-.78*.78 = .3916; Impact(S:C) = 7.52*.3626 - 3.25*.3716^15 = 2.7268; Expl = 8.22*.85*.77*.85*.62 = 2.8353;
    // 1.08*5.5620 = 6.007 → 6.1.
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1)]
    // Impact = 6.42*.56 = 3.5952; Expl = 8.22*.55*.77*.62*.85 = 1.8346; 5.4298 → 5.5.
    [InlineData("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N", 5.5)]
    // Impact = 6.42*.22 = 1.4124; Expl = 8.22*.2*.44*.27*.62 = .1211; 1.5335 → 1.6.
    [InlineData("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 1.6)]
    // PR:L with S:C weighs .68: ISS = .9148; Impact = 7.52*.8858 - 3.25*.8948^15 = 6.0478; Expl = 3.1096; 1.08*9.1574 = 9.89 → 9.9.
    [InlineData("CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", 9.9)]
    // No impact: the score is 0 whatever the exploitability.
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0)]
    // Temporal metrics after the base ones do not change the base score.
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:C", 9.8)]
    public void V3_BaseScore_FollowsTheSpecificationFormula(string vector, double expected) =>
        Assert.Equal(expected, CvssV3.BaseScore(vector));

    [Theory]
    [InlineData("AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")]          // no CVSS:3.x prefix
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H")]      // A missing
    [InlineData("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")]  // unknown value
    [InlineData("CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")] // repeated metric
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:Q/C:H/I:H/A:H")]
    [InlineData("")]
    public void V3_BaseScore_InvalidVector_IsNull(string vector) => Assert.Null(CvssV3.BaseScore(vector));

    [Theory]
    [InlineData(4.0, 4.0)]
    [InlineData(4.02, 4.1)]
    [InlineData(4.000000000000001, 4.0)] // float noise must not lift a score (the reason v3.1 redefined Roundup)
    [InlineData(9.89, 9.9)]
    public void Roundup_IsTheSmallestOneDecimalNumberNotBelow(double value, double expected) =>
        Assert.Equal(expected, CvssV3.Roundup(value));

    [Theory]
    // Impact = 10.41*(1-.725^3) = 6.4429; Expl = 20*1*.71*.704 = 9.9968; (3.8657+3.9987-1.5)*1.176 = 7.4845 → 7.5.
    [InlineData("AV:N/AC:L/Au:N/C:P/I:P/A:P", 7.5)]
    [InlineData("AV:N/AC:L/Au:N/C:C/I:C/A:C", 10.0)]
    // Impact = 10.41*.275 = 2.8628; Expl = 20*1*.61*.704 = 8.5888; (1.7177+3.4355-1.5)*1.176 = 4.2962 → 4.3.
    [InlineData("AV:N/AC:M/Au:N/C:N/I:P/A:N", 4.3)]
    [InlineData("(AV:N/AC:L/Au:N/C:N/I:N/A:N)", 0.0)]
    public void V2_BaseScore(string vector, double expected) => Assert.Equal(expected, CvssV2.BaseScore(vector));

    [Fact]
    public void V2_BaseScore_Incomplete_IsNull() => Assert.Null(CvssV2.BaseScore("AV:N/AC:L/Au:N/C:P/I:P"));
}
