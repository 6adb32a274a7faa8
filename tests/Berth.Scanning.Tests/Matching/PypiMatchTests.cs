using Berth.Scanning.Matching;
using Berth.Scanning.Packages;
using Berth.Scanning.Tests.Advisories;

namespace Berth.Scanning.Tests.Matching;

/// <summary>The Python fixtures against the PyPA advisory database (YAML), with SOURCES.md Appendix A.2's results.</summary>
[Collection(ImportedAdvisoriesCollection.Name)]
public sealed class PypiMatchTests(ImportedAdvisories imported)
{
    private async Task<IReadOnlyList<(string, string)>> MatchAsync(IReadOnlyList<Package> packages)
    {
        var result = await new AdvisoryMatcher(imported.Store).MatchAsync(null, packages, default);
        return [.. result.Findings.Select(f => (f.PackageName + "@" + f.InstalledVersion, f.AdvisoryId)).Order()];
    }

    [Fact]
    public async Task RequirementsFlask_FlaskOnce_WerkzeugFourTimes()
    {
        var packages = FixturePackages.Requirements("python/requirements-flask/requirements.txt");
        Assert.Equal(6, packages.Count);

        Assert.Equal(
            [("Flask@2.0.0", "PYSEC-2023-62"), ("Werkzeug@2.0.0", "PYSEC-2022-203"), ("Werkzeug@2.0.0", "PYSEC-2023-221"),
             ("Werkzeug@2.0.0", "PYSEC-2023-57"), ("Werkzeug@2.0.0", "PYSEC-2023-58")],
            await MatchAsync(packages));
    }

    [Fact]
    public async Task SitePackages_FlaskAndSetuptools()
    {
        var packages = FixturePackages.SitePackages("python/site-packages");
        Assert.Equal(3, packages.Count);

        Assert.Equal([("Flask@2.0.0", "PYSEC-2023-62"), ("setuptools@51.3.3", "PYSEC-2022-43012")], await MatchAsync(packages));
    }

    [Fact]
    public async Task PipfileLock_TwelveMatches_IncludingAPreReleaseFix()
    {
        var packages = FixturePackages.PipfileLock("python/pipenv/Pipfile.lock");

        Assert.Equal(
            [("certifi@2019.3.9", "PYSEC-2022-42986"), ("certifi@2019.3.9", "PYSEC-2023-135"), ("idna@2.8", "PYSEC-2024-60"),
             ("pyyaml@5.1", "PYSEC-2020-176"), ("pyyaml@5.1", "PYSEC-2020-96"), ("pyyaml@5.1", "PYSEC-2021-142"),
             ("requests@2.21.0", "PYSEC-2023-74"),
             ("urllib3@1.24.2", "PYSEC-2019-132"), ("urllib3@1.24.2", "PYSEC-2020-148"), ("urllib3@1.24.2", "PYSEC-2021-108"),
             ("urllib3@1.24.2", "PYSEC-2023-192"), ("urllib3@1.24.2", "PYSEC-2023-212")],
            await MatchAsync(packages));
    }

    [Theory]
    [InlineData("python/poetry-v1/poetry.lock")]
    [InlineData("python/poetry-v2/poetry.lock")]
    public async Task Poetry_FlaskAndPy_LastAffectedIsInclusive(string file)
    {
        var packages = FixturePackages.TomlLock(Ecosystem.PyPI, file, registryOnly: false);
        Assert.Equal(15, packages.Count);

        Assert.Equal([("flask@1.0.3", "PYSEC-2023-62"), ("py@1.11.0", "PYSEC-2022-42969")], await MatchAsync(packages));
    }

    [Fact]
    public async Task RequirementsOperators_DjangoThatNeverExisted_MatchesNothing()
    {
        var packages = FixturePackages.Requirements("python/requirements-operators/requirements.txt");
        Assert.Equal(["Django", "SomeProject"], packages.Select(p => p.Name));

        Assert.Empty(await MatchAsync(packages));
    }

    [Fact]
    public async Task Findings_CarryFixesAliasesAndWhereThePackageCameFrom()
    {
        var packages = FixturePackages.PipfileLock("python/pipenv/Pipfile.lock");

        var result = await new AdvisoryMatcher(imported.Store).MatchAsync(null, packages, default);

        // Unsorted events (introduced 2.0.0, fixed 2.0.6, introduced 0, fixed 1.26.17): both fixes lie above 1.24.2.
        var unsorted = result.Findings.Single(f => f.AdvisoryId == "PYSEC-2023-192");
        Assert.Equal(["1.26.17", "2.0.6"], unsorted.FixedVersions);
        Assert.Equal(["CVE-2023-43804", "GHSA-v845-jxx5-vc9f"], unsorted.Aliases.Order());
        Assert.Equal("python/pipenv/Pipfile.lock", unsorted.FilePath);
        Assert.Equal(("PyPI", "urllib3", "pypa"), (unsorted.Ecosystem, unsorted.AdvisoryPackage, unsorted.Source));
        Assert.Equal(["5.2b1"], result.Findings.Single(f => f.AdvisoryId == "PYSEC-2020-176").FixedVersions);
    }
}
