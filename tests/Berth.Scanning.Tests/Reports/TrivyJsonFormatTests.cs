using System.Text.Json;
using Berth.Scanning.Packages;
using Berth.Scanning.Reports.Formats;
using static Berth.Scanning.Tests.Reports.ReportOutput;

namespace Berth.Scanning.Tests.Reports;

[Collection(ReportCollection.Name)]
public sealed class TrivyJsonFormatTests(ReportFixture fixture)
{
    private static readonly string[] TrivySeverities = ["UNKNOWN", "LOW", "MEDIUM", "HIGH", "CRITICAL"];

    [Fact]
    public async Task Header_IsSchemaTwoWithTheImagesMetadata()
    {
        var json = await JsonAsync(new TrivyJsonFormat(), fixture.Report);

        Assert.Equal(2, json.GetProperty("SchemaVersion").GetInt32());
        Assert.Equal("2026-03-14T15:09:26.535Z", Str(json, "CreatedAt"));
        Assert.Equal(fixture.Image.Name, Str(json, "ArtifactName"));
        Assert.Equal("container_image", Str(json, "ArtifactType"));
        var metadata = json.GetProperty("Metadata");
        Assert.Equal("debian", Str(metadata.GetProperty("OS"), "Family"));
        Assert.Equal("12.15", Str(metadata.GetProperty("OS"), "Name"));
        Assert.Equal(fixture.Image.ConfigDigest, Str(metadata, "ImageID"));
        Assert.Equal(fixture.Image.Layers.Select(l => l.DiffId), metadata.GetProperty("DiffIDs").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal([$"{TestImages.Root}@{fixture.Image.ManifestDigest}"],
            metadata.GetProperty("RepoDigests").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task Results_AreGroupedByTarget()
    {
        var json = await JsonAsync(new TrivyJsonFormat(), fixture.Report);
        var results = json.GetProperty("Results").EnumerateArray().ToList();

        Assert.Equal(2, results.Count);
        var os = results[0];
        Assert.Equal($"{fixture.Image.Name} (debian 12.15)", Str(os, "Target"));
        Assert.Equal("os-pkgs", Str(os, "Class"));
        Assert.Equal("debian", Str(os, "Type"));
        Assert.Equal<string>(["CVE-2023-45853", "CVE-2025-4802", "TEMP-0290435-0B57B5"], Ids(os));
        var node = results[1];
        Assert.Equal("Node.js", Str(node, "Target"));
        Assert.Equal("lang-pkgs", Str(node, "Class"));
        Assert.Equal("node-pkg", Str(node, "Type"));
        Assert.Equal<string>(["GHSA-qwcr-r2fm-qrc7", "GHSA-qw6h-vgh9-j6wx"], Ids(node));
        var all = results.SelectMany(r => r.GetProperty("Vulnerabilities").EnumerateArray()).ToList();
        Assert.Equal(fixture.Report.Findings.Count, all.Count);
        Assert.All(all, v => Assert.Contains(Str(v, "Severity"), TrivySeverities));
    }

    [Fact]
    public async Task OsVulnerability_HasTrivysFields()
    {
        var json = await JsonAsync(new TrivyJsonFormat(), fixture.Report);
        var libc = fixture.Single(Ecosystem.Debian, "libc6");

        var v = Vulnerability(json, "CVE-2025-4802");

        Assert.Equal($"libc6@{libc.Version}", Str(v, "PkgID"));
        Assert.Equal("libc6", Str(v, "PkgName"));
        Assert.False(v.TryGetProperty("PkgPath", out _));
        Assert.Equal($"pkg:deb/debian/libc6@{libc.Version.Replace("+", "%2B")}?arch=amd64&distro=debian-12.15", Str(v.GetProperty("PkgIdentifier"), "PURL"));
        Assert.Equal(libc.Version, Str(v, "InstalledVersion"));
        Assert.Equal("2.36-9+deb12u99", Str(v, "FixedVersion"));
        Assert.Equal("fixed", Str(v, "Status"));
        Assert.Equal(libc.LayerDiffId, Str(v.GetProperty("Layer"), "DiffID"));
        Assert.Equal("debian", Str(v, "SeveritySource"));
        Assert.Equal("https://avd.aquasec.com/nvd/cve-2025-4802", Str(v, "PrimaryURL"));
        Assert.Equal("debian", Str(v.GetProperty("DataSource"), "ID"));
        Assert.Equal("HIGH", Str(v, "Severity"));
        Assert.Equal(3, v.GetProperty("VendorSeverity").GetProperty("debian").GetInt32());
        Assert.Equal("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", Str(v.GetProperty("CVSS").GetProperty("debian"), "V3Vector"));
        Assert.Equal(7.8, v.GetProperty("CVSS").GetProperty("debian").GetProperty("V3Score").GetDouble());
        Assert.Equal("glibc: static setuid binary dlopen may incorrectly search LD_LIBRARY_PATH", Str(v, "Title"));

        var temp = Vulnerability(json, "TEMP-0290435-0B57B5");
        Assert.Equal("https://security-tracker.debian.org/tracker/TEMP-0290435-0B57B5", Str(temp, "PrimaryURL"));
        Assert.False(temp.TryGetProperty("FixedVersion", out _));
        Assert.Equal("affected", Str(temp, "Status"));
    }

    [Fact]
    public async Task LanguageVulnerability_NamesItsFileAndJoinsFixes()
    {
        var json = await JsonAsync(new TrivyJsonFormat(), fixture.Report);

        var v = Vulnerability(json, "GHSA-qw6h-vgh9-j6wx");

        Assert.Equal("express@4.16.4", Str(v, "PkgID"));
        Assert.Equal("app/node_modules/express/package.json", Str(v, "PkgPath"));
        Assert.Equal("pkg:npm/express@4.16.4", Str(v.GetProperty("PkgIdentifier"), "PURL"));
        Assert.Equal("4.20.0, 5.0.0", Str(v, "FixedVersion"));
        Assert.Equal("https://github.com/advisories/GHSA-qw6h-vgh9-j6wx", Str(v, "PrimaryURL"));
        Assert.Equal("ghsa", Str(v, "SeveritySource"));
        Assert.Equal(["CVE-2024-43796"], v.GetProperty("VendorIDs").EnumerateArray().Select(x => x.GetString()));
        Assert.Contains("https://avd.aquasec.com/nvd/cve-2024-43796", v.GetProperty("References").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public void LanguageTypes_FollowTheFileTheyCameFrom()
    {
        static string Type(Ecosystem e, string path) => LanguageTypes.Of(new Package { Name = "x", Version = "1", Ecosystem = e, FilePath = path });

        Assert.Equal("node-pkg", Type(Ecosystem.Npm, "app/node_modules/x/package.json"));
        Assert.Equal("npm", Type(Ecosystem.Npm, "app/package-lock.json"));
        Assert.Equal("python-pkg", Type(Ecosystem.PyPI, "usr/lib/python3/site-packages/x-1.dist-info/METADATA"));
        Assert.Equal("gobinary", Type(Ecosystem.Go, "usr/local/bin/app"));
        Assert.Equal("gomod", Type(Ecosystem.Go, "src/go.mod"));
        Assert.Equal("rustbinary", Type(Ecosystem.CratesIo, "usr/bin/tool"));
        Assert.Equal("cargo", Type(Ecosystem.CratesIo, "src/Cargo.lock"));
        Assert.Equal("jar", Type(Ecosystem.Maven, "app/lib/log4j-core-2.14.1.jar"));
        Assert.Equal("dotnet-core", Type(Ecosystem.NuGet, "app/App.deps.json"));
        Assert.Equal("gemspec", Type(Ecosystem.RubyGems, "usr/lib/ruby/gems/3.1.0/specifications/rack-2.2.3.gemspec"));
        Assert.Equal("composer-vendor", Type(Ecosystem.Packagist, "app/vendor/composer/installed.json"));
        Assert.Equal("app/vendor/composer/installed.json",
            LanguageTypes.Target(new Package { Name = "x", Version = "1", Ecosystem = Ecosystem.Packagist, FilePath = "app/vendor/composer/installed.json" }));
    }

    [Theory]
    [InlineData("registry:5000/team/app:1.2", "registry:5000/team/app", "1.2", null)]
    [InlineData("registry:5000/team/app", "registry:5000/team/app", null, null)]
    [InlineData("debian@sha256:abc", "debian", null, "sha256:abc")]
    [InlineData("/tmp/layout:debian-node", "/tmp/layout", "debian-node", null)]
    public void ImageNames_SplitIntoRepositoryTagAndDigest(string name, string repository, string? tag, string? digest) =>
        Assert.Equal(new ImageNameParts(repository, tag, digest), ImageNameParts.Of(name));

    private static List<string> Ids(JsonElement result) =>
        [.. result.GetProperty("Vulnerabilities").EnumerateArray().Select(v => v.GetProperty("VulnerabilityID").GetString()!)];

    private static JsonElement Vulnerability(JsonElement json, string id) =>
        json.GetProperty("Results").EnumerateArray().SelectMany(r => r.GetProperty("Vulnerabilities").EnumerateArray())
            .Single(v => Str(v, "VulnerabilityID") == id);
}
