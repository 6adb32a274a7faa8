using Berth.Scanning.Versions;
using YamlDotNet.RepresentationModel;

namespace Berth.Scanning.Tests.Versions;

public sealed class ApkVersionSchemeTests
{
    private static readonly ApkVersionScheme Scheme = new();

    // "a op b" lines in the style of apk-tools' test/version.data: the reference's vectors plus the rules'
    // corner cases (leading zeros, letters, suffix ranks, revisions, invalid tails).
    [Theory]
    [InlineData("2.34 > 0.1.0_alpha")]
    [InlineData("23_foo > 4_beta")]
    [InlineData("1.0 < 1.0bc")]
    [InlineData("0.1.0_alpha = 0.1.0_alpha")]
    [InlineData("0.1.0_alpha2 > 0.1.0_alpha")]
    [InlineData("1.0.4-r3 < 1.0.4-r4")]
    [InlineData("2.11-r1 > 2.11")]
    [InlineData("1.7 < 1.7b")]
    [InlineData("1.7b < 1.8.4-r3")]
    [InlineData("2.5.1-r8 < 2.5.1a-r1")]
    [InlineData("0.7.0 < 0.8_beta1")]
    [InlineData("0.8_beta1 < 0.8_beta2")]
    [InlineData("3.1_p16 < 3.1_p17")]
    [InlineData("4.2.52_p2-r1 < 4.2.52_p4-r2")]
    [InlineData("0.10.0 < 0.10.1_rc1")]
    [InlineData("20040401 > 2.0.0_rc3-r1")]
    [InlineData("0.9.16-r1 < 3.9_pre20060124")]
    [InlineData("1.02 < 1.03-r1")]
    [InlineData("0.01 < 0.06")]
    [InlineData("1.06-r6 < 006")]
    [InlineData("1.01 < 1.1")]
    [InlineData("1.001 < 1.01")]
    [InlineData("1.0 > 1")]
    [InlineData("1.1 > 1.1_alpha1")]
    [InlineData("1.2.1 > 1.2")]
    [InlineData("0.1.0_alpha_pre2 < 0.1.0_alpha")]
    [InlineData("1.3_pre1-r1 < 1.3.2")]
    [InlineData("1.0_p10-r0 > 1.0_p9-r0")]
    [InlineData("1.3-r0 < 1.3.1-r0")]
    [InlineData("3.0.20060720 < 20060720")]
    [InlineData("02.08.01b < 4.77")]
    [InlineData("0.59s-r11 < 0.65")]
    [InlineData("2.12r-r4 < 2.12r-r5")]
    [InlineData("1.0-r1 > 0.15.1b")]
    [InlineData("0.15.1b-r2 > 0.15.1b")]
    [InlineData("0.9.28.1 < 087-r1")]
    [InlineData("1.2.07.8 < 1.2.12.04")]
    [InlineData("1.6d > 1.2.07.8")]
    [InlineData("2.01.01_alpha10 > 0.94")]
    [InlineData("1.00_beta2 > 0.9.2")]
    [InlineData("0.20070118 < 0.20070207_rc1")]
    [InlineData("4.5_p1-r1 > 4.5_p1")]
    [InlineData("1.8.5 < 1.8.5_p2")]
    [InlineData("2.9.11_pre20051101-r3 > 2.9.11_pre20051101")]
    [InlineData("7.0.17 < 7.0.174")]
    [InlineData("1.0_alpha < 1.0_beta")]
    [InlineData("1.0_beta < 1.0_pre")]
    [InlineData("1.0_pre < 1.0_rc")]
    [InlineData("1.0_rc < 1.0")]
    [InlineData("1.0 < 1.0_cvs")]
    [InlineData("1.0_cvs < 1.0_svn")]
    [InlineData("1.0_svn < 1.0_git")]
    [InlineData("1.0_git < 1.0_hg")]
    [InlineData("1.0_hg < 1.0_p")]
    [InlineData("1.0_p > 1.0-r1")]
    [InlineData("1.0_p < 1.0_p-r1")]
    [InlineData("1.0_git20200101 < 1.0_git20200102")]
    [InlineData("1.1.1d-r3 > 1.1.1d-r1")]
    [InlineData("1.1.1b-r1 < 1.1.1d-r1")]
    [InlineData("1.1.1a-r0 < 1.1.1b-r1")]
    [InlineData("1.99999999999999999999 < 1.100000000000000000000")]
    [InlineData("0 < 0.0.1")]
    [InlineData("1.0-r0 = 1.0-r0")]
    [InlineData("1.0.0_rc9 < 1.0.0")]
    [InlineData("1.0.0_rc6-r1 < 1.0.0-r0")]
    [InlineData("2.0.0_rc4-r0 < 2.0.0")]
    [InlineData("1.0_rc1 < 1.0")]
    [InlineData("1.00_rc1 < 1.00")]
    [InlineData("1.0.5 < 1.05")]
    [InlineData("1.0_p1 > 1.0")]
    [InlineData("1.0a > 1.0")]
    [InlineData("1.0-r1 > 1.0")]
    public void AgreesWithApkTools(string line)
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
    [InlineData("1.2.3_rc1-r0")]
    [InlineData("1.7b")]
    [InlineData("2.9.11_pre20051101-r3")]
    [InlineData("0")]
    [InlineData("1.0_alpha_pre2")]
    [InlineData("006")]
    [InlineData("1.0.")]
    [InlineData("1..0")]
    public void Valid(string version) => Assert.True(Scheme.IsValid(version), version);

    [Theory]
    [InlineData("")]
    [InlineData("1.0bc")]
    [InlineData("23_foo")]
    [InlineData("10.0.0_b2-r0")]
    [InlineData("1.0-")]
    [InlineData("1.0_")]
    [InlineData("1.0-r1.2")]
    [InlineData("1.0-r1_p1")]
    [InlineData("1.0_p1.2")]
    [InlineData("1.0A")]
    [InlineData("1.0 beta")]
    public void Invalid(string version)
    {
        Assert.False(Scheme.IsValid(version), version);
        // Compare stays total and symmetric on unreadable input: no exception, opposite signs both ways.
        Assert.Equal(0, Scheme.Compare(version, version));
        Assert.Equal(Math.Sign(Scheme.Compare(version, "1.0")), -Math.Sign(Scheme.Compare("1.0", version)));
    }

    [Fact]
    public void EverySecdbFixedVersionIsValidAndZeroIsTheLowest()
    {
        var versions = new List<string>();
        foreach (var file in Directory.GetFiles(TestData.Path("advisories", "alpine-secdb"), "*.yaml", SearchOption.AllDirectories))
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(file)) stream.Load(reader);
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            if (root["packages"] is not YamlSequenceNode packages) continue;
            foreach (var package in packages.Children.Cast<YamlMappingNode>())
            {
                var pkg = (YamlMappingNode)package["pkg"];
                if (pkg.Children.TryGetValue("secfixes", out var fixes) && fixes is YamlMappingNode map)
                {
                    versions.AddRange(map.Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value!));
                }
            }
        }
        Assert.True(versions.Count > 2000, $"only {versions.Count} fixed versions read");
        var invalid = versions.Where(v => !Scheme.IsValid(v)).Distinct().ToList();
        Assert.True(invalid.Count == 0, "invalid: " + string.Join(", ", invalid.Take(20)));
        // Alpine writes fixed version "0" for "never affected": nothing installed may sort below it.
        Assert.All(versions.Where(v => v != "0").Distinct(), v => Assert.True(Scheme.Compare("0", v) <= 0, v));
    }
}
