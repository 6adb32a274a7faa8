using Berth.Scanning.Analyzers.Language.Python;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Tests.Analyzers.Language;

public class PythonTests
{
    private static string Fixture(params string[] parts) => TestData.Path(["packages", "python", .. parts]);

    [Fact]
    public async Task Wheel_metadata_yields_name_version_and_licence()
    {
        var analyzer = new InstalledDistributionAnalyzer();
        var flask = await FixtureRun.FileAsync(analyzer, "usr/lib/python3.10/site-packages/Flask-2.0.0.dist-info/METADATA",
            Fixture("site-packages", "Flask-2.0.0.dist-info", "METADATA"));
        var click = await FixtureRun.FileAsync(analyzer, "usr/lib/python3.10/site-packages/click-8.0.0.dist-info/METADATA",
            Fixture("site-packages", "click-8.0.0.dist-info", "METADATA"));

        var package = flask.Single("Flask", "2.0.0");
        Assert.Equal("BSD-3-Clause", package.License);
        Assert.Equal(Ecosystem.PyPI, package.Ecosystem);
        Assert.Equal("BSD-3-Clause", click.Single("click", "8.0.0").License);
    }

    [Fact]
    public async Task Egg_info_with_an_unknown_licence_falls_back_to_the_classifier()
    {
        var findings = await FixtureRun.FileAsync(new InstalledDistributionAnalyzer(),
            "usr/lib/python3.8/site-packages/setuptools-51.3.3-py3.8.egg-info/PKG-INFO",
            Fixture("site-packages", "setuptools-51.3.3-py3.8.egg-info", "PKG-INFO"));

        Assert.Equal("MIT License", findings.Single("setuptools", "51.3.3").License);
    }

    [Theory]
    [InlineData("usr/lib/python3/site-packages/a-1.dist-info/METADATA", true)]
    [InlineData("usr/lib/python3/site-packages/a-1.egg-info/PKG-INFO", true)]
    [InlineData("usr/lib/python3/site-packages/a-1.egg-info", true)]
    [InlineData("usr/lib/python3/site-packages/a-1.egg/EGG-INFO/PKG-INFO", true)]
    [InlineData("usr/lib/python3/site-packages/a-1.dist-info/RECORD", false)]
    [InlineData("srv/METADATA", false)]
    public void Wants_installed_metadata_files(string path, bool wanted) =>
        Assert.Equal(wanted, new InstalledDistributionAnalyzer().Wants(path, 100));

    [Fact]
    public async Task Metadata_without_a_version_is_a_warning()
    {
        var findings = await FixtureRun.BytesAsync(new InstalledDistributionAnalyzer(), "a.dist-info/METADATA",
            "Metadata-Version: 2.1\nName: a\n\nVersion: 1 (in the body, not a header)\n"u8.ToArray());
        Assert.Empty(findings.Packages());
        Assert.Single(findings.Warnings);
    }

    [Fact]
    public async Task Requirements_yield_exact_pins_only()
    {
        var flask = await FixtureRun.FileAsync(new RequirementsAnalyzer(), "src/requirements.txt", Fixture("requirements-flask", "requirements.txt"));
        var operators = await FixtureRun.FileAsync(new RequirementsAnalyzer(), "src/requirements.txt", Fixture("requirements-operators", "requirements.txt"));

        Assert.Equal(
            ["click@8.0.0", "Flask@2.0.0", "itsdangerous@2.0.0", "Jinja2@3.0.0", "MarkupSafe@2.0.0", "Werkzeug@2.0.0"],
            flask.Packages().Select(p => $"{p.Name}@{p.Version}"));
        Assert.Equal(["Django@2.3.4", "SomeProject@5.4"], operators.Packages().Select(p => $"{p.Name}@{p.Version}"));
    }

    [Fact]
    public async Task Pipfile_lock_yields_the_six_default_packages()
    {
        var findings = await FixtureRun.FileAsync(new PipfileLockAnalyzer(), "src/Pipfile.lock", Fixture("pipenv", "Pipfile.lock"));

        Assert.Equal(
            ["certifi@2019.3.9", "chardet@3.0.4", "idna@2.8", "pyyaml@5.1", "requests@2.21.0", "urllib3@1.24.2"],
            findings.Packages().Select(p => $"{p.Name}@{p.Version}").Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("poetry-v1")]
    [InlineData("poetry-v2")]
    public async Task Poetry_locks_yield_15_packages(string sample)
    {
        var findings = await FixtureRun.FileAsync(new PoetryLockAnalyzer(), "src/poetry.lock", Fixture(sample, "poetry.lock"));

        Assert.Equal(15, findings.Packages().Count);
        findings.Single("atomicwrites", "1.4.1");
        findings.Single("attrs", "25.1.0");
        findings.Single("click", "8.1.8");
    }
}
