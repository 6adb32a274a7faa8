using Berth.Scanning.Advisories;
using Berth.Scanning.Matching;
using Berth.Scanning.Versions;

namespace Berth.Scanning.Tests.Matching;

/// <summary>OSV range evaluation on hand-made entries (the real-data cases are in the match tests).</summary>
public sealed class AffectedVersionsTests
{
    private static readonly IVersionScheme Semver = new GenericVersionScheme();

    private static AffectedPackage Entry(RangeType type, params (RangeEventKind Kind, string Version)[] events) => new()
    {
        Ecosystem = "crates.io", Name = "x", Ranges = [new AffectedRange(type, [.. events.Select(e => new RangeEvent(e.Kind, e.Version))])],
    };

    [Theory]
    [InlineData("0.9.9", false)]
    [InlineData("1.0.0", true)]
    [InlineData("1.4.0", true)]
    [InlineData("1.5.0", false)] // equal to fixed
    [InlineData("2.0.0", true)]  // introduced again, no fix
    public void IntroducedFixedIntroduced(string version, bool affected) =>
        Assert.Equal(affected, AffectedVersions.IsAffected(
            Entry(RangeType.Semver, (RangeEventKind.Introduced, "2.0.0"), (RangeEventKind.Introduced, "1.0.0"), (RangeEventKind.Fixed, "1.5.0")), version, Semver));

    [Theory]
    [InlineData("1.2.0", true)]
    [InlineData("1.2.1", false)]
    public void LastAffected_IsInclusive(string version, bool affected) =>
        Assert.Equal(affected, AffectedVersions.IsAffected(
            Entry(RangeType.Ecosystem, (RangeEventKind.Introduced, "0"), (RangeEventKind.LastAffected, "1.2.0")), version, Semver));

    [Theory]
    [InlineData("1.9.0", true)]
    [InlineData("2.0.0", false)] // at the limit: outside the range
    [InlineData("3.0.0", false)]
    public void Limit_BoundsTheRange(string version, bool affected) =>
        Assert.Equal(affected, AffectedVersions.IsAffected(
            Entry(RangeType.Semver, (RangeEventKind.Introduced, "1.0.0"), (RangeEventKind.Limit, "2.0.0")), version, Semver));

    [Fact]
    public void GitRanges_AreIgnored_ExplicitVersionsStillCount()
    {
        var entry = Entry(RangeType.Git, (RangeEventKind.Introduced, "0"), (RangeEventKind.Fixed, "abcdef"));

        Assert.False(AffectedVersions.IsAffected(entry, "1.0.0", Semver));
        Assert.True(AffectedVersions.IsAffected(entry with { Versions = ["1.0"] }, "1.0.0", Semver)); // same version, other spelling
    }

    [Fact]
    public void UnreadableEvent_IsSkipped_NotCompared()
    {
        var entry = Entry(RangeType.Semver, (RangeEventKind.Introduced, "0"), (RangeEventKind.Fixed, "not/a/version"), (RangeEventKind.Fixed, "2.0.0"));

        Assert.True(AffectedVersions.IsAffected(entry, "1.0.0", Semver));
        Assert.Equal(["2.0.0"], AffectedVersions.FixesAbove(entry, "1.0.0", Semver));
    }
}
