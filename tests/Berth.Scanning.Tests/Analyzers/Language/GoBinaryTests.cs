using Berth.Scanning.Analyzers.Language.Binaries;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Tests.Analyzers.Language;

public class GoBinaryTests
{
    private static readonly string Fixture = TestData.Path("packages", "go", "binary", "executable_gobinary");

    [Fact]
    public async Task Go_1_15_binary_yields_stdlib_and_its_three_dependencies_but_not_the_devel_main_module()
    {
        var findings = await FixtureRun.FileAsync(new ExecutableAnalyzer(), "usr/local/bin/app", Fixture);

        Assert.Empty(findings.Warnings);
        var set = Assert.Single(findings.PackageSets);
        Assert.Equal("usr/local/bin/app", set.FilePath);
        Assert.Equal(
            [
                "github.com/aquasecurity/go-pep440-version@v0.0.0-20210121094942-22b2f8951d46",
                "github.com/aquasecurity/go-version@v0.0.0-20210121072130-637058cfe492",
                "golang.org/x/xerrors@v0.0.0-20200804184101-5ec99f83aff1",
                "stdlib@1.15.2",
            ],
            set.Packages.Select(p => $"{p.Name}@{p.Version}").Order(StringComparer.Ordinal));
        Assert.All(set.Packages, p => Assert.Equal(Ecosystem.Go, p.Ecosystem));
        Assert.All(set.Packages, p => Assert.Equal("usr/local/bin/app", p.FilePath));
    }
}
