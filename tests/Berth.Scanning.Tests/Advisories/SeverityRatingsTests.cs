using Berth.Scanning.Advisories;

namespace Berth.Scanning.Tests.Advisories;

public sealed class SeverityRatingsTests
{
    [Theory]
    [InlineData(0.0, Severity.Unknown)] // CVSS "None" is reported as Unknown, as Trivy does
    [InlineData(0.1, Severity.Low)]
    [InlineData(3.9, Severity.Low)]
    [InlineData(4.0, Severity.Medium)]
    [InlineData(6.9, Severity.Medium)]
    [InlineData(7.0, Severity.High)]
    [InlineData(8.9, Severity.High)]
    [InlineData(9.0, Severity.Critical)]
    [InlineData(10.0, Severity.Critical)]
    public void FromScore_UsesTheCvssQualitativeScale(double score, Severity expected) =>
        Assert.Equal(expected, SeverityRatings.FromScore(score));

    [Theory]
    [InlineData("MODERATE", Severity.Medium)] // GHSA
    [InlineData("CRITICAL", Severity.Critical)]
    [InlineData("low**", Severity.Low)]       // Debian urgencies carry stars
    [InlineData("medium*", Severity.Medium)]
    [InlineData("unimportant", Severity.Low)]
    [InlineData("negligible", Severity.Low)]  // Ubuntu
    [InlineData("high", Severity.High)]
    public void FromLabel_KnownVendorLabels(string label, Severity expected) => Assert.Equal(expected, SeverityRatings.FromLabel(label));

    [Theory]
    [InlineData("not yet assigned")]
    [InlineData("end-of-life")]
    [InlineData("NONE")]
    [InlineData("")]
    [InlineData(null)]
    public void FromLabel_LabelsThatSayNothing_AreNull(string? label) => Assert.Null(SeverityRatings.FromLabel(label));

    [Fact]
    public void Choose_VendorLabelWinsOverCvss_ButKeepsTheVector()
    {
        var rating = SeverityRatings.Choose("LOW", ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"], []);

        Assert.Equal(Severity.Low, rating.Severity);
        Assert.Equal(9.8, rating.CvssScore);
        Assert.Equal("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", rating.CvssVector);
    }

    [Fact]
    public void Choose_WithoutLabel_UsesV3ThenV2ThenUnknown()
    {
        Assert.Equal(Severity.Critical, SeverityRatings.Choose(null, ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"], ["AV:N/AC:M/Au:N/C:N/I:P/A:N"]).Severity);
        Assert.Equal(Severity.Medium, SeverityRatings.Choose(null, ["not a vector"], ["AV:N/AC:M/Au:N/C:N/I:P/A:N"]).Severity);
        Assert.Equal(AdvisoryRating.Unknown, SeverityRatings.Choose(null, [], []));
    }
}
