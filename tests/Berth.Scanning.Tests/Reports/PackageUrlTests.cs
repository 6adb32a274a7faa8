using System.Text.RegularExpressions;
using Berth.Scanning.Packages;
using Berth.Scanning.Reports.Formats;

namespace Berth.Scanning.Tests.Reports;

[Collection(ReportCollection.Name)]
public sealed partial class PackageUrlTests(ReportFixture fixture)
{
    private static readonly OsRelease Bookworm = new("debian", "12");

    /// <summary>A canonical purl: type, optional namespace segments, a name, a version, sorted qualifiers; only allowed characters.</summary>
    [GeneratedRegex(@"^pkg:[a-z][a-z0-9.+-]*/(?:[A-Za-z0-9.\-_~:%]+/)*[A-Za-z0-9.\-_~:%]+@[A-Za-z0-9.\-_~:%]+(?:\?[a-z0-9_.-]+=[A-Za-z0-9.\-_~:%/]+(?:&[a-z0-9_.-]+=[A-Za-z0-9.\-_~:%/]+)*)?$")]
    public static partial Regex WellFormed();

    [Theory]
    [InlineData(Ecosystem.Debian, "libc6", "2.36-9+deb12u7", "amd64", "pkg:deb/debian/libc6@2.36-9%2Bdeb12u7?arch=amd64&distro=debian-12")]
    [InlineData(Ecosystem.Debian, "zlib1g", "1:1.2.13.dfsg-1", "amd64", "pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?arch=amd64&distro=debian-12")]
    [InlineData(Ecosystem.Npm, "@angular/core", "12.3.1", null, "pkg:npm/%40angular/core@12.3.1")]
    [InlineData(Ecosystem.Npm, "express", "4.16.4", null, "pkg:npm/express@4.16.4")]
    [InlineData(Ecosystem.PyPI, "Django_Allauth", "0.61.1", null, "pkg:pypi/django-allauth@0.61.1")]
    [InlineData(Ecosystem.PyPI, "zope.interface", "6.0", null, "pkg:pypi/zope-interface@6.0")]
    [InlineData(Ecosystem.Go, "github.com/gorilla/context", "v1.1.1", null, "pkg:golang/github.com/gorilla/context@v1.1.1")]
    [InlineData(Ecosystem.Go, "stdlib", "v1.22.5", null, "pkg:golang/stdlib@v1.22.5")]
    [InlineData(Ecosystem.Maven, "org.apache.logging.log4j:log4j-core", "2.14.1", null, "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1")]
    [InlineData(Ecosystem.NuGet, "Newtonsoft.Json", "13.0.1", null, "pkg:nuget/Newtonsoft.Json@13.0.1")]
    [InlineData(Ecosystem.CratesIo, "smallvec", "1.6.0", null, "pkg:cargo/smallvec@1.6.0")]
    [InlineData(Ecosystem.RubyGems, "rack", "2.2.3", null, "pkg:gem/rack@2.2.3")]
    [InlineData(Ecosystem.Packagist, "Laravel/Framework", "5.5.0", null, "pkg:composer/laravel/framework@5.5.0")]
    public void Ecosystems_FollowTheirTypeRules(Ecosystem ecosystem, string name, string version, string? arch, string expected)
    {
        var package = new Package { Name = name, Version = version, Ecosystem = ecosystem, Architecture = arch };

        var purl = PackageUrl.For(package, Bookworm).ToString();

        Assert.Equal(expected, purl);
        Assert.Matches(WellFormed(), purl);
    }

    [Fact]
    public void OsPackagesOfOtherDistributions_NameTheirVendorAndRelease()
    {
        Assert.Equal("pkg:deb/ubuntu/openssl@3.0.2-0ubuntu1.15?arch=amd64&distro=ubuntu-22.04",
            PackageUrl.For(new Package { Name = "openssl", Version = "3.0.2-0ubuntu1.15", Ecosystem = Ecosystem.Ubuntu, Architecture = "amd64" }, new OsRelease("ubuntu", "22.04")).ToString());
        Assert.Equal("pkg:apk/alpine/libcrypto3@3.3.2-r0?arch=aarch64&distro=3.20.3",
            PackageUrl.For(new Package { Name = "libcrypto3", Version = "3.3.2-r0", Ecosystem = Ecosystem.Alpine, Architecture = "aarch64" }, new OsRelease("alpine", "3.20.3")).ToString());
        Assert.Equal("pkg:rpm/redhat/openssl-libs@1.1.1k-7.el8_6?arch=x86_64&distro=redhat-8.6&epoch=1",
            PackageUrl.For(new Package { Name = "openssl-libs", Version = "1:1.1.1k-7.el8_6", Ecosystem = Ecosystem.Rpm, Architecture = "x86_64" }, new OsRelease("redhat", "8.6")).ToString());
    }

    [Fact]
    public void Images_AreOciPurlsWithTheDigestAsVersion()
    {
        Assert.Equal("pkg:oci/debian@sha256:244fd47e07d10?arch=amd64&repository_url=registry.example/library/debian&tag=12",
            PackageUrl.ForImage("registry.example/library/debian", "sha256:244fd47e07d10", "12", "amd64").ToString());
        Assert.Equal("pkg:oci/berth-test-images@sha256:ab?tag=debian-node",
            PackageUrl.ForImage("/tmp/berth-test-images", "sha256:ab", "debian-node", null).ToString());
    }

    [Theory]
    [InlineData("a b", "a%20b")]
    [InlineData("1.0+dfsg", "1.0%2Bdfsg")]
    [InlineData("é", "%C3%A9")]
    [InlineData("x/y?z#w&v=u@t", "x%2Fy%3Fz%23w%26v%3Du%40t")]
    [InlineData("Az09.-_~:", "Az09.-_~:")]
    public void Encode_KeepsOnlyTheAllowedCharacters(string component, string expected) =>
        Assert.Equal(expected, PackageUrl.Encode(component));

    [Fact]
    public void EveryPackageOfTheRealImage_HasAWellFormedPurlUniqueToIt()
    {
        var purls = fixture.Report.Packages.Select(p => PackageUrl.For(p, fixture.Report.OperatingSystem).ToString()).ToList();

        Assert.All(purls, purl => Assert.Matches(WellFormed(), purl));
        Assert.Equal(purls.Count, purls.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("pkg:npm/express@4.16.4", purls);
        var libc = fixture.Single(Ecosystem.Debian, "libc6");
        Assert.Contains($"pkg:deb/debian/libc6@{libc.Version.Replace("+", "%2B")}?arch=amd64&distro=debian-12.15", purls);
    }
}
