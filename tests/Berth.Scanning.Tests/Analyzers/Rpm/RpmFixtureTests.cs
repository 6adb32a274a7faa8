using Berth.Scanning.Packages;

namespace Berth.Scanning.Tests.Analyzers.Rpm;

/// <summary>The real databases in testdata/packages/rpm, with the expectations SOURCES.md gives for each.</summary>
[Collection(RpmTestCollection.Name)]
public sealed class RpmFixtureTests
{
    [Fact]
    public async Task Sqlite_cbl_mariner_lists_all_129_packages()
    {
        var run = await RpmDatabaseRun.FixtureAsync("sqlite-cbl-mariner-2.0", "var/lib/rpm/rpmdb.sqlite");

        Assert.Empty(run.Warnings);
        Assert.Equal(129, run.Packages.Count);
        Assert.DoesNotContain(run.Packages, p => p.Name == "gpg-pubkey");
        Assert.All(run.Packages, p =>
        {
            Assert.Equal(Ecosystem.Rpm, p.Ecosystem);
            Assert.Equal("var/lib/rpm/rpmdb.sqlite", p.FilePath);
            Assert.False(p.ThirdParty); // every package is Microsoft Corporation's
        });

        var curl = run.Single("curl");
        Assert.Equal("7.76.0-6.cm2", curl.Version);
        Assert.Equal("curl", curl.SourceName);
        Assert.Equal("7.76.0-6.cm2", curl.SourceVersion);
        Assert.Equal("x86_64", curl.Architecture);
        Assert.Equal("MIT", curl.License);

        Assert.Equal("5.1.8-1.cm2", run.Single("bash").Version);
        Assert.Equal("2.34-2.cm2", run.Single("glibc").Version);
        Assert.Equal("1.1.1k-7.cm2", run.Single("openssl").Version);
        var certificates = run.Single("ca-certificates-base");
        Assert.Equal("1:2.0.0-1.cm2", certificates.Version);
        Assert.Equal("1:2.0.0-1.cm2", certificates.SourceVersion); // the binary's epoch carries over

        Assert.Contains("usr/bin/curl", run.InstalledFiles);
        Assert.Contains("bin/bash", run.InstalledFiles);
        Assert.DoesNotContain(run.InstalledFiles, f => f.StartsWith('/'));
    }

    [Fact]
    public async Task Ndb_sles_lists_all_35_packages()
    {
        var run = await RpmDatabaseRun.FixtureAsync("ndb-sles-15.3-bci", "usr/lib/sysimage/rpm/Packages.db");

        Assert.Empty(run.Warnings);
        Assert.Equal(35, run.Packages.Count);
        Assert.DoesNotContain(run.Packages, p => p.Name == "gpg-pubkey");
        Assert.All(run.Packages, p => Assert.False(p.ThirdParty)); // SUSE LLC <https://www.suse.com/>

        var bash = run.Single("bash");
        Assert.Equal("4.4-19.6.1", bash.Version);
        Assert.Equal("x86_64", bash.Architecture);
        Assert.Equal("2.31-9.3.2", run.Single("glibc").Version);
        Assert.Equal("15.3-55.4.1", run.Single("sles-release").Version);
        var libz = run.Single("libz1");
        Assert.Equal("1.2.11-3.21.1", libz.Version);
        Assert.Equal("zlib", libz.SourceName);
        Assert.Equal("1.2.11-3.21.1", libz.SourceVersion);

        Assert.Contains("bin/bash", run.InstalledFiles);
    }

    [Fact]
    public async Task Berkeley_rhel8_libuuid_is_one_red_hat_package()
    {
        var run = await RpmDatabaseRun.FixtureAsync("bdb-rhel8-libuuid", "var/lib/rpm/Packages");

        Assert.Empty(run.Warnings);
        var libuuid = Assert.Single(run.Packages);
        Assert.Equal("libuuid", libuuid.Name);
        Assert.Equal("2.32.1-42.el8_8", libuuid.Version);
        Assert.Equal("x86_64", libuuid.Architecture);
        Assert.Equal("util-linux", libuuid.SourceName); // a source name with a '-' of its own
        Assert.Equal("2.32.1-42.el8_8", libuuid.SourceVersion);
        Assert.Equal("BSD", libuuid.License);
        Assert.False(libuuid.ThirdParty); // Red Hat, Inc.
        Assert.Contains("usr/lib64/libuuid.so.1", run.InstalledFiles);
    }

    [Fact]
    public async Task Berkeley_fedora32_has_the_epoch_package_and_not_the_stale_one()
    {
        var run = await RpmDatabaseRun.FixtureAsync("bdb-fedora32-epoch", "var/lib/rpm/Packages");

        Assert.Empty(run.Warnings);
        var hello = Assert.Single(run.Packages); // the dive-0.9.2 bytes sit on a free page
        Assert.Equal("hello", hello.Name);
        Assert.Equal("1:0.0.1-rls", hello.Version);
        Assert.Equal("hello", hello.SourceName);
        Assert.Equal("1:0.0.1-rls", hello.SourceVersion);
        Assert.Equal("x86_64", hello.Architecture);
        Assert.Equal("GPL", hello.License);
    }

    [Fact]
    public async Task Berkeley_written_by_a_big_endian_machine_reads_the_same()
    {
        var littleEndian = await File.ReadAllBytesAsync(TestData.Path("packages", "rpm", "bdb-rhel8-libuuid", "var/lib/rpm/Packages"));
        var bigEndian = BigEndianBerkeleyDatabase.FromLittleEndian(littleEndian);
        Assert.NotEqual(littleEndian, bigEndian);

        var run = await RpmDatabaseRun.BytesAsync(bigEndian, "var/lib/rpm/Packages");

        Assert.Empty(run.Warnings);
        var libuuid = Assert.Single(run.Packages);
        Assert.Equal(("libuuid", "2.32.1-42.el8_8"), (libuuid.Name, libuuid.Version));
        Assert.Contains("usr/lib64/libuuid.so.1", run.InstalledFiles);
    }
}
