namespace Berth.Scanning.Tests.Analyzers.Rpm;

/// <summary>How header fields become a package: versions, source packages, vendors, installed files.</summary>
[Collection(RpmTestCollection.Name)]
public sealed class RpmPackageFieldsTests
{
    private static async Task<RpmDatabaseRun> RunAsync(params byte[][] headers) =>
        await RpmDatabaseRun.BytesAsync(await SqliteRpmDatabase.CreateAsync(headers), "usr/lib/sysimage/rpm/rpmdb.sqlite");

    [Fact]
    public async Task Only_distribution_packages_withhold_their_files_from_language_analysis()
    {
        var run = await RunAsync(
            HeaderBlobBuilder.Package("openssl", vendor: "Red Hat, Inc.")
                .StringArray(1117, "openssl", "libssl.so.3").StringArray(1118, "/usr/bin/", "/usr/lib64/").Int32(1116, 0, 1).Build(),
            HeaderBlobBuilder.Package("docker-ce", vendor: "Docker")
                .StringArray(1117, "dockerd").StringArray(1118, "/usr/bin/").Int32(1116, 0).Build(),
            HeaderBlobBuilder.Package("homemade").StringArray(1027, "/opt/homemade/run").Build());

        Assert.Empty(run.Warnings);
        Assert.False(run.Single("openssl").ThirdParty);
        Assert.True(run.Single("docker-ce").ThirdParty);
        Assert.True(run.Single("homemade").ThirdParty); // no VENDOR at all
        Assert.Equal(["usr/bin/openssl", "usr/lib64/libssl.so.3"], run.InstalledFiles.Order());
    }

    [Fact]
    public async Task Versions_carry_a_non_zero_epoch_and_source_rpms_split_on_their_last_dashes()
    {
        var run = await RunAsync(
            new HeaderBlobBuilder().String(1000, "python3-dnf-plugins-core").Int32(1003, 2).String(1001, "4.0.21").String(1002, "3.el8")
                .String(1044, "dnf-plugins-core-4.0.21-3.el8.src.rpm").String(1014, "GPLv2+").Build(),
            new HeaderBlobBuilder().String(1000, "zero").Int32(1003, 0).String(1001, "1").String(1002, "2").Build());

        Assert.Empty(run.Warnings);
        var plugins = run.Single("python3-dnf-plugins-core");
        Assert.Equal("2:4.0.21-3.el8", plugins.Version);
        Assert.Equal("dnf-plugins-core", plugins.SourceName);
        Assert.Equal("2:4.0.21-3.el8", plugins.SourceVersion);
        Assert.Equal("GPLv2+", plugins.License);
        var zero = run.Single("zero");
        Assert.Equal("1-2", zero.Version);
        Assert.Null(zero.SourceName);
        Assert.Null(zero.Architecture);
    }

    [Fact]
    public async Task Gpg_pubkey_entries_are_keys_not_packages()
    {
        var run = await RunAsync(
            new HeaderBlobBuilder().String(1000, "gpg-pubkey").String(1001, "fd431d51").String(1002, "4ae0493b").Build(),
            HeaderBlobBuilder.Package("bash").Build());

        Assert.Equal(["bash"], run.Packages.Select(p => p.Name));
    }

    [Fact]
    public async Task A_source_rpm_without_the_expected_shape_is_a_warning_and_no_source()
    {
        var run = await RunAsync(HeaderBlobBuilder.Package("odd").String(1044, "odd.src.rpm").Build());

        var odd = run.Single("odd");
        Assert.Null(odd.SourceName);
        Assert.Contains("SOURCERPM 'odd.src.rpm'", Assert.Single(run.Warnings));
    }
}
