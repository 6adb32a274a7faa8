using System.Text;
using Berth.Scanning.Analyzers.Language.Npm;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Tests.Analyzers.Language;

public class NpmTests
{
    private static string Fixture(params string[] parts) => TestData.Path(["packages", "npm", .. parts]);

    [Fact]
    public async Task Installed_node_modules_yield_express_4_16_4_and_its_dependencies()
    {
        var analyzer = new PackageJsonAnalyzer();
        var express = await FixtureRun.FileAsync(analyzer, "app/node_modules/express/package.json",
            Fixture("node_modules", "express", "package.json"));
        var debug = await FixtureRun.FileAsync(analyzer, "app/node_modules/express/node_modules/debug/package.json",
            Fixture("node_modules", "express", "node_modules", "debug", "package.json"));
        var ms = await FixtureRun.FileAsync(analyzer, "app/node_modules/ms/package.json", Fixture("node_modules", "ms", "package.json"));

        var expressPackage = express.Single("express", "4.16.4");
        Assert.Equal("MIT", expressPackage.License);
        Assert.Equal(Ecosystem.Npm, expressPackage.Ecosystem);
        Assert.Equal("app/node_modules/express/package.json", expressPackage.FilePath);
        Assert.Equal("app/node_modules/express/package.json", Assert.Single(express.PackageSets).FilePath);
        Assert.Equal("MIT", debug.Single("debug", "2.6.9").License);
        Assert.Equal("MIT", ms.Single("ms", "2.1.1").License);
    }

    [Theory]
    [InlineData("@babel/core", true)]
    [InlineData("JSONStream", true)]
    [InlineData("lodash.merge", true)]
    [InlineData("", false)]
    [InlineData(".hidden", false)]
    [InlineData("_private", false)]
    [InlineData("has space", false)]
    [InlineData("@scope/", false)]
    [InlineData("@/name", false)]
    [InlineData("a/b", false)]
    public void Npm_names_follow_the_registry_rules(string name, bool valid) => Assert.Equal(valid, NpmPackageName.IsValid(name));

    [Fact]
    public async Task A_package_json_with_an_invalid_name_or_no_version_is_not_a_package()
    {
        var analyzer = new PackageJsonAnalyzer();
        var badName = await FixtureRun.BytesAsync(analyzer, "x/package.json", """{"name": "Not Valid", "version": "1.0.0"}"""u8.ToArray());
        var noVersion = await FixtureRun.BytesAsync(analyzer, "y/package.json", """{"name": "fine"}"""u8.ToArray());
        Assert.Empty(badName.Packages());
        Assert.Empty(noVersion.Packages());
    }

    [Fact]
    public async Task Malformed_package_json_is_a_warning()
    {
        var findings = await FixtureRun.BytesAsync(new PackageJsonAnalyzer(), "x/package.json", """{"name": "a", "version": """u8.ToArray());
        Assert.Empty(findings.Packages());
        Assert.Contains("x/package.json", Assert.Single(findings.Warnings));
    }

    [Fact]
    public async Task A_manifest_past_the_limit_is_refused_without_reading_it_whole()
    {
        var big = Encoding.UTF8.GetBytes("{\"name\":\"a\",\"version\":\"1\",\"pad\":\"" + new string('x', 4096) + "\"}");
        var findings = await FixtureRun.BytesAsync(new PackageJsonAnalyzer(), "x/package.json", big,
            new Berth.Scanning.Layers.ScanLimits { MaxAnalyzedFileBytes = 1024 });
        Assert.Empty(findings.Packages());
        Assert.Contains("limit", Assert.Single(findings.Warnings));
    }

    [Theory]
    [InlineData("package-lock-v1")]
    [InlineData("package-lock-v2")]
    [InlineData("package-lock-v3")]
    public async Task Package_locks_of_every_version_yield_the_same_31_packages(string sample)
    {
        var findings = await FixtureRun.FileAsync(new PackageLockAnalyzer(), $"src/{sample}/package-lock.json",
            Fixture(sample, "package-lock.json"));

        Assert.Empty(findings.Warnings);
        Assert.Equal(31, findings.Packages().Count);
        findings.Single("body-parser", "1.18.3");
        findings.Single("@babel/helper-string-parser", "7.19.4");
        findings.Single("asap", "2.0.6");
        // The project's devDependency (with its own ms 0.7.2) is reported, as Trivy's parser does.
        findings.Single("debug", "2.5.2");
        findings.Single("ms", "0.7.2");
        Assert.DoesNotContain(findings.Packages(), p => p.Name == "node_v1");
    }

    [Fact]
    public async Task Yarn_classic_lock_yields_its_18_entries()
    {
        var findings = await FixtureRun.FileAsync(new YarnLockAnalyzer(), "src/yarn.lock", Fixture("yarn-v1", "yarn.lock"));

        Assert.Equal(18, findings.Packages().Count);
        findings.Single("@babel/helper-regex", "7.4.4");
        findings.Single("ansi-regex", "2.1.1");
        findings.Single("ansi-regex", "3.0.0");
        findings.Single("asap", "2.0.6");
    }

    [Fact]
    public async Task Yarn_berry_lock_yields_16_packages_without_the_workspace_root_or_patches()
    {
        var findings = await FixtureRun.FileAsync(new YarnLockAnalyzer(), "src/yarn.lock", Fixture("yarn-berry", "yarn.lock"));

        Assert.Equal(16, findings.Packages().Count);
        findings.Single("@types/color-name", "1.1.1");
        findings.Single("abbrev", "1.1.1");
        findings.Single("ansi-styles", "3.2.1");
        Assert.DoesNotContain(findings.Packages(), p => p.Name is "code" or "fsevents");
    }
}
