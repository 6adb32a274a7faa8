using Berth.Scanning.Versions;
using YamlDotNet.RepresentationModel;

namespace Berth.Scanning.Tests.Versions;

public sealed class Pep440VersionSchemeTests
{
    private static readonly Pep440VersionScheme Scheme = new();

    [Fact]
    public void PackagingSortedListIsAscending() => SchemeAssert.Ascending(Scheme,
        "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456",
        "1.0b2.post345", "1.0b2-346", "1.0c1.dev456", "1.0c1", "1.0rc2", "1.0c3", "1.0", "1.0.post456.dev34", "1.0.post456",
        "1.1.dev1", "1.2+123abc", "1.2+123abc456", "1.2+abc", "1.2+abc123", "1.2+abc123def", "1.2+1234.abc", "1.2+123456",
        "1.2.r32+123456", "1.2.rev33+123456", "1!1.0.dev456");

    [Theory]
    [InlineData("1.0dev", "1.0.dev0")]
    [InlineData("1.0-DEV1", "1.0.dev1")]
    [InlineData("1.0.alpha", "1.0a0")]
    [InlineData("1.0", "1.0.0")]
    [InlineData("1.0", "1")]
    [InlineData("v1.0", "1.0")]
    [InlineData("0!1.0", "1.0")]
    [InlineData("1.0c1", "1.0rc1")]
    [InlineData("1.0pre1", "1.0rc1")]
    [InlineData("1.0preview1", "1.0rc1")]
    [InlineData("1.0-1", "1.0.post1")]
    [InlineData("1.0r", "1.0.post0")]
    [InlineData("1.0-rev_2", "1.0.post2")]
    [InlineData("1.0a.1", "1.0a1")]
    [InlineData("1.0_BETA-2", "1.0b2")]
    [InlineData("1.0+Ubuntu-1", "1.0+ubuntu.1")]
    [InlineData("01.02", "1.2")]
    [InlineData(" 1.0\t", "1.0")]
    public void Equals_(string left, string right) => SchemeAssert.Equal(Scheme, left, right);

    [Theory]
    [InlineData("5.1", "5.2b1")]
    [InlineData("1.0a1", "1.0a1.post1")]
    [InlineData("1.0", "1.0+local")]
    [InlineData("1.0+local", "1.0.post1")]
    [InlineData("1.0+abc", "1.0+abc.1")]
    [InlineData("1.0+zzz", "1.0+0")]
    [InlineData("1.0.post1.dev1", "1.0.post1")]
    [InlineData("1.0.dev1", "1.0a1.dev1")]
    [InlineData("2.0", "1!0.1")]
    [InlineData("1.0.99999999999999999999", "1.0.100000000000000000000")]
    [InlineData("1.9", "1.10")]
    public void Orders(string lower, string higher) => SchemeAssert.Less(Scheme, lower, higher);

    [Theory]
    [InlineData("1.0+a+")]
    [InlineData("1.0++")]
    [InlineData("1.0+_foobar")]
    [InlineData("1.0+foo&asd")]
    [InlineData("1.0-foo")]
    [InlineData("french toast")]
    [InlineData("1.0.")]
    [InlineData("")]
    [InlineData("1!")]
    [InlineData("-1.0")]
    public void UnreadableVersionsAreInvalidAndSortFirst(string invalid) =>
        SchemeAssert.UnreadableSortsFirst(Scheme, invalid, "0.dev0");

    [Fact]
    public void FixtureMatchesFromThePyPADatabase()
    {
        // SOURCES.md §3: a pre-release fix (5.2b1) is above 5.1; last_affected is inclusive.
        Assert.True(OsvRanges.Affects(Scheme, ReadRanges("pyyaml", "PYSEC-2020-176"), "5.1"));
        Assert.False(OsvRanges.Affects(Scheme, ReadRanges("pyyaml", "PYSEC-2020-176"), "5.2"));
        Assert.True(OsvRanges.Affects(Scheme, ReadRanges("py", "PYSEC-2022-42969"), "1.11.0"));
        Assert.False(OsvRanges.Affects(Scheme, ReadRanges("py", "PYSEC-2022-42969"), "1.11.1"));
        Assert.True(OsvRanges.Affects(Scheme, ReadRanges("flask", "PYSEC-2023-62"), "2.0.0"));
        Assert.True(OsvRanges.Affects(Scheme, ReadRanges("flask", "PYSEC-2023-62"), "1.0.3"));
        Assert.False(OsvRanges.Affects(Scheme, ReadRanges("flask", "PYSEC-2023-62"), "2.2.5"));
        Assert.True(OsvRanges.Affects(Scheme, ReadRanges("werkzeug", "PYSEC-2023-221"), "2.0.0"));
        Assert.False(OsvRanges.Affects(Scheme, ReadRanges("werkzeug", "PYSEC-2023-221"), "3.1.3"));
    }

    [Fact]
    public void NearlyEveryVersionInThePyPADatabaseIsReadable()
    {
        var versions = new List<string>();
        foreach (var file in Directory.GetFiles(TestData.Path("advisories", "pypa-advisory-database", "vulns"), "*.yaml", SearchOption.AllDirectories))
        {
            versions.AddRange(ReadVersionStrings(file));
        }
        Assert.True(versions.Count > 50_000, $"only {versions.Count} versions read");
        var unreadable = versions.Where(v => v != "0" && !Scheme.IsValid(v)).Distinct().ToList();
        // PyPI still serves a few pre-PEP 440 ("legacy") versions; they must stay a tiny minority.
        Assert.True(unreadable.Count < versions.Count / 1000, $"{unreadable.Count} unreadable: {string.Join(", ", unreadable.Take(30))}");
    }

    private static IReadOnlyList<IReadOnlyList<OsvRanges.Event>> ReadRanges(string package, string id)
    {
        var root = Load(TestData.Path("advisories", "pypa-advisory-database", "vulns", package, id + ".yaml"));
        var ranges = new List<IReadOnlyList<OsvRanges.Event>>();
        foreach (var affected in ((YamlSequenceNode)root["affected"]).Children.Cast<YamlMappingNode>())
        {
            foreach (var range in ((YamlSequenceNode)affected["ranges"]).Children.Cast<YamlMappingNode>())
            {
                if (((YamlScalarNode)range["type"]).Value != "ECOSYSTEM") continue;
                ranges.Add(((YamlSequenceNode)range["events"]).Children.Cast<YamlMappingNode>()
                    .SelectMany(e => e.Children)
                    .Select(p => new OsvRanges.Event(((YamlScalarNode)p.Key).Value!, ((YamlScalarNode)p.Value).Value!))
                    .ToList());
            }
        }
        return ranges;
    }

    /// <summary>Event versions of ECOSYSTEM ranges plus the explicit versions lists.</summary>
    private static IEnumerable<string> ReadVersionStrings(string path)
    {
        var root = Load(path);
        if (!root.Children.TryGetValue("affected", out var affectedNode)) yield break;
        foreach (var affected in ((YamlSequenceNode)affectedNode).Children.Cast<YamlMappingNode>())
        {
            if (affected.Children.TryGetValue("versions", out var list))
            {
                foreach (var v in ((YamlSequenceNode)list).Children) yield return ((YamlScalarNode)v).Value!;
            }
            if (!affected.Children.TryGetValue("ranges", out var rangesNode)) continue;
            foreach (var range in ((YamlSequenceNode)rangesNode).Children.Cast<YamlMappingNode>())
            {
                if (((YamlScalarNode)range["type"]).Value != "ECOSYSTEM") continue;
                foreach (var e in ((YamlSequenceNode)range["events"]).Children.Cast<YamlMappingNode>())
                {
                    foreach (var p in e.Children) yield return ((YamlScalarNode)p.Value).Value!;
                }
            }
        }
    }

    private static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
