using System.Text;
using Berth.Scanning.Analyzers.Language.DotNet;
using Berth.Scanning.Analyzers.Language.Php;
using Berth.Scanning.Analyzers.Language.Ruby;
using Berth.Scanning.Analyzers.Language.Rust;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Tests.Analyzers.Language;

/// <summary>.NET, Rust, Ruby and PHP manifests from testdata/packages.</summary>
public class EcosystemManifestTests
{
    private static string Fixture(params string[] parts) => TestData.Path(["packages", .. parts]);

    [Fact]
    public async Task Deps_json_reports_packages_but_not_projects()
    {
        var collector = await FixtureRun.FileAsync(new DepsJsonAnalyzer(), "app/datacollector.deps.json",
            Fixture("dotnet", "deps-json-datacollector", "datacollector.deps.json"));
        var library = await FixtureRun.FileAsync(new DepsJsonAnalyzer(), "app/TestLibrary.deps.json",
            Fixture("dotnet", "deps-json", "TestLibrary.deps.json"));

        Assert.Equal(Ecosystem.NuGet, Assert.Single(collector.Packages(), p => p.Name == "Newtonsoft.Json" && p.Version == "9.0.1").Ecosystem);
        Assert.Single(collector.Packages());
        Assert.Equal(12, library.Packages().Count);
        library.Single("AWSSDK.Core", "3.7.10.6");
        library.Single("Microsoft.Extensions.DependencyInjection", "6.0.0");
    }

    [Fact]
    public async Task Nuget_locks_report_every_resolved_package_once()
    {
        var net5 = await FixtureRun.FileAsync(new PackagesLockAnalyzer(), "src/packages.lock.json", Fixture("dotnet", "nuget-lock", "packages.lock.json"));
        var net8 = await FixtureRun.FileAsync(new PackagesLockAnalyzer(), "src/packages.lock.json", Fixture("dotnet", "nuget-lock-net8", "packages.lock.json"));

        Assert.Equal(8, net5.Packages().Count);
        net5.Single("Newtonsoft.Json", "12.0.3");
        net5.Single("Microsoft.OpenApi", "1.1.4");
        net5.Single("Swashbuckle.AspNetCore", "5.5.1");
        Assert.Equal(51, net8.Packages().Count);
        net8.Single("Humanizer", "2.14.1");
        net8.Single("Newtonsoft.Json", "13.0.3");
    }

    [Fact]
    public async Task Cargo_locks_report_every_crate_including_the_workspace_own()
    {
        var v3 = await FixtureRun.FileAsync(new CargoLockAnalyzer(), "src/Cargo.lock", Fixture("rust", "cargo-v3", "Cargo.lock"));
        var ci = await FixtureRun.FileAsync(new CargoLockAnalyzer(), "src/Cargo.lock", Fixture("rust", "cargo-ci", "Cargo.lock"));

        // 9 [[package]] tables, as Trivy's cargoV3Pkgs: the root crate app 0.1.0 (no source) included.
        Assert.Equal(9, v3.Packages().Count);
        Assert.Equal(Ecosystem.CratesIo, v3.Single("aho-corasick", "0.7.20").Ecosystem);
        v3.Single("libc", "0.2.140");
        v3.Single("memchr", "1.0.2");
        v3.Single("memchr", "2.5.0");
        Assert.Equal(Ecosystem.CratesIo, v3.Single("app", "0.1.0").Ecosystem);
        // 74 tables, the project's own crate (no source) among them.
        Assert.Equal(74, ci.Packages().Count);
        ci.Single("ammonia", "1.9.0");
        ci.Single("autocfg", "0.1.2");
        ci.Single("bitflags", "0.7.0");
    }

    [Fact]
    public async Task Gemspecs_yield_name_version_and_licence()
    {
        var rake = await FixtureRun.FileAsync(new GemspecAnalyzer(), "usr/local/bundle/specifications/rake-13.0.3.gemspec",
            Fixture("ruby", "specifications", "rake-13.0.3.gemspec"));
        var bundler = await FixtureRun.FileAsync(new GemspecAnalyzer(), "usr/local/lib/ruby/gems/3.0.0/specifications/bundler-2.1.4.gemspec",
            Fixture("ruby", "specifications", "bundler-2.1.4.gemspec"));

        var package = rake.Single("rake", "13.0.3");
        Assert.Equal("MIT", package.License);
        Assert.Equal(Ecosystem.RubyGems, package.Ecosystem);
        bundler.Single("bundler", "2.1.4");
        Assert.False(new GemspecAnalyzer().Wants("src/rake.gemspec", 100));
    }

    [Fact]
    public async Task A_gemspec_without_a_version_is_a_warning()
    {
        var findings = await FixtureRun.BytesAsync(new GemspecAnalyzer(), "specifications/x.gemspec",
            "Gem::Specification.new do |s|\n  s.name = \"x\"\nend\n"u8.ToArray());
        Assert.Empty(findings.Packages());
        Assert.Single(findings.Warnings);
    }

    [Fact]
    public async Task Gemfile_locks_report_the_four_space_specs()
    {
        var bundler = await FixtureRun.FileAsync(new GemfileLockAnalyzer(), "src/Gemfile.lock", Fixture("ruby", "bundler", "Gemfile.lock"));
        var bundler2 = await FixtureRun.FileAsync(new GemfileLockAnalyzer(), "src/Gemfile.lock", Fixture("ruby", "bundler2", "Gemfile.lock"));

        // SOURCES.md counts 53 four-space lines, but one of them, bad-entry 5.5.5, sits in a section
        // ("BAD-SECTION") with no "specs:" block: syft planted it as a negative case.
        Assert.Equal(52, bundler.Packages().Count);
        Assert.DoesNotContain(bundler.Packages(), p => p.Name == "bad-entry");
        bundler.Single("actionmailer", "4.1.1");
        bundler.Single("actionpack", "4.1.1");
        bundler.Single("google-cloud-errors", "1.3.0");
        bundler.Single("turbolinks", "3.0.0");
        Assert.Equal(8, bundler2.Packages().Count);
        bundler2.Single("dotenv", "2.7.6");
        bundler2.Single("faker", "2.21.0");
        bundler2.Single("json", "2.6.2");
    }

    [Fact]
    public async Task Composer_installed_json_in_both_formats()
    {
        var v2 = await FixtureRun.FileAsync(new ComposerInstalledAnalyzer(), "app/vendor/composer/installed.json",
            Fixture("php", "composer-installed", "vendor", "composer", "installed.json"));
        var v1 = await FixtureRun.BytesAsync(new ComposerInstalledAnalyzer(), "app/vendor/composer/installed.json",
            """[{"name": "monolog/monolog", "version": "1.25.1", "license": ["MIT"]}, {"name": "no/version"}]"""u8.ToArray());

        Assert.Equal(2, v2.Packages().Count);
        Assert.Equal(Ecosystem.Packagist, v2.Single("pear/log", "1.13.3").Ecosystem);
        v2.Single("pear/pear_exception", "v1.0.2");
        Assert.Equal("MIT", v1.Single("monolog/monolog", "1.25.1").License);
        Assert.Single(v1.Packages());
    }

    [Fact]
    public async Task Composer_lock_reports_packages_and_dev_packages()
    {
        var findings = await FixtureRun.FileAsync(new ComposerLockAnalyzer(), "src/composer.lock", Fixture("php", "composer", "composer.lock"));

        Assert.Equal(10, findings.Packages().Count);
        findings.Single("guzzlehttp/guzzle", "6.5.8");
        findings.Single("guzzlehttp/promises", "1.5.2");
        findings.Single("guzzlehttp/psr7", "1.9.0");
    }

    [Theory]
    [InlineData("{\"libraries\": ")]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"just a string\"")]
    public async Task Malformed_json_manifests_are_warnings(string json)
    {
        var content = Encoding.UTF8.GetBytes(json);
        var deps = await FixtureRun.BytesAsync(new DepsJsonAnalyzer(), "a.deps.json", content);
        var nuget = await FixtureRun.BytesAsync(new PackagesLockAnalyzer(), "packages.lock.json", content);
        var composer = await FixtureRun.BytesAsync(new ComposerLockAnalyzer(), "composer.lock", content);

        foreach (var findings in new[] { deps, nuget, composer })
        {
            Assert.Empty(findings.Packages());
            Assert.Single(findings.Warnings);
        }
    }
}
