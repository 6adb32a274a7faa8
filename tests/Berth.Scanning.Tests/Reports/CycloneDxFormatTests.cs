using System.Text.Json;
using Berth.Scanning.Packages;
using Berth.Scanning.Reports.Formats;
using static Berth.Scanning.Tests.Reports.ReportOutput;

namespace Berth.Scanning.Tests.Reports;

/// <summary>The SBOM against CycloneDX 1.5's JSON schema (bom-1.5.schema.json): required fields, allowed fields, enums.</summary>
[Collection(ReportCollection.Name)]
public sealed class CycloneDxFormatTests(ReportFixture fixture)
{
    private static readonly string[] RootFields = ["$schema", "bomFormat", "specVersion", "serialNumber", "version", "metadata", "components", "services",
        "externalReferences", "dependencies", "compositions", "vulnerabilities", "annotations", "formulation", "properties", "signature"];

    private static readonly string[] ComponentFields = ["type", "mime-type", "bom-ref", "supplier", "author", "publisher", "group", "name", "version",
        "description", "scope", "hashes", "licenses", "copyright", "cpe", "purl", "swid", "modified", "pedigree", "externalReferences", "properties",
        "components", "evidence", "releaseNotes", "modelCard", "data", "signature"];

    private static readonly string[] ComponentTypes = ["application", "framework", "library", "container", "platform", "operating-system", "device",
        "device-driver", "firmware", "file", "machine-learning-model", "data"];

    private static readonly string[] VulnerabilityFields = ["bom-ref", "id", "source", "references", "ratings", "cwes", "description", "detail",
        "recommendation", "workaround", "proofOfConcept", "advisories", "created", "published", "updated", "rejected", "credits", "tools", "analysis",
        "affects", "properties"];

    private static readonly string[] Severities = ["critical", "high", "medium", "low", "info", "none", "unknown"];

    private static readonly string[] Methods = ["CVSSv2", "CVSSv3", "CVSSv31", "CVSSv4", "OWASP", "other"];

    [Fact]
    public async Task TheSameReport_RendersToTheSameBytes_WithASerialNumberOfItsInventory()
    {
        var first = await TextAsync(new CycloneDxFormat(), fixture.Report);
        var second = await TextAsync(new CycloneDxFormat(), fixture.Report);
        var fewer = await JsonAsync(new CycloneDxFormat(), fixture.Report with { Packages = fixture.Report.Packages.Skip(1).ToList() });
        var spdx = await JsonAsync(new SpdxFormat(), fixture.Report);

        Assert.Equal(first, second);
        var serial = Str(System.Text.Json.JsonDocument.Parse(first).RootElement, "serialNumber");
        Assert.NotEqual(serial, Str(fewer, "serialNumber"));
        // The two documents of one report are different documents, with different identifiers.
        Assert.DoesNotContain(serial["urn:uuid:".Length..], Str(spdx, "documentNamespace"));
    }

    [Fact]
    public async Task Document_HasTheRequiredFieldsAndOnlyKnownOnes()
    {
        var json = await JsonAsync(new CycloneDxFormat(), fixture.Report);

        Assert.All(Names(json), name => Assert.Contains(name, RootFields));
        Assert.Equal("CycloneDX", Str(json, "bomFormat"));
        Assert.Equal("1.5", Str(json, "specVersion"));
        Assert.Equal(1, json.GetProperty("version").GetInt32());
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", Str(json, "serialNumber"));
        var metadata = json.GetProperty("metadata");
        Assert.Equal("2026-03-14T15:09:26Z", Str(metadata, "timestamp"));
        Assert.Equal("berth", Str(metadata.GetProperty("tools").GetProperty("components")[0], "name"));
        var image = metadata.GetProperty("component");
        AssertComponent(image);
        Assert.Equal("container", Str(image, "type"));
        Assert.Equal(fixture.Image.ManifestDigest, Str(image, "version"));
        Assert.Equal($"pkg:oci/berth-test-images@{fixture.Image.ManifestDigest}?arch=amd64&tag=debian-node", Str(image, "purl"));
        Assert.Contains(image.GetProperty("properties").EnumerateArray(), p => Str(p, "name") == "berth:ImageID" && Str(p, "value") == fixture.Image.ConfigDigest);
    }

    [Fact]
    public async Task Components_AreThePackagesWithUniquePurlRefs()
    {
        var json = await JsonAsync(new CycloneDxFormat(), fixture.Report);
        var components = json.GetProperty("components").EnumerateArray().ToList();

        Assert.Equal(fixture.Report.Packages.Count, components.Count);
        Assert.All(components, AssertComponent);
        Assert.All(components, c => Assert.Equal("library", Str(c, "type")));
        Assert.All(components, c => Assert.Matches(PackageUrlTests.WellFormed(), Str(c, "purl")));
        Assert.All(components, c => Assert.Equal(Str(c, "purl"), Str(c, "bom-ref")));
        Assert.Equal(components.Count, components.Select(c => Str(c, "bom-ref")).Distinct().Count());

        var express = components.Single(c => Str(c, "name") == "express");
        Assert.Equal("pkg:npm/express@4.16.4", Str(express, "purl"));
        Assert.Equal("MIT", Str(express.GetProperty("licenses")[0], "expression"));
        var properties = express.GetProperty("properties").EnumerateArray().ToDictionary(p => Str(p, "name"), p => Str(p, "value"));
        Assert.Equal("app/node_modules/express/package.json", properties["berth:FilePath"]);
        Assert.Equal(fixture.Image.Layers[1].DiffId, properties["berth:LayerDiffID"]);
        Assert.Equal("node-pkg", properties["berth:PkgType"]);

        var libc = fixture.Single(Ecosystem.Debian, "libc6");
        var libcComponent = components.Single(c => Str(c, "name") == "libc6");
        var libcProperties = libcComponent.GetProperty("properties").EnumerateArray().ToDictionary(p => Str(p, "name"), p => Str(p, "value"));
        Assert.Equal(libc.SourceName, libcProperties["berth:SrcName"]);
        Assert.Equal("var/lib/dpkg/status", libcProperties["berth:FilePath"]);

        var dependsOn = json.GetProperty("dependencies")[0].GetProperty("dependsOn").EnumerateArray().Select(d => d.GetString()!).ToHashSet();
        Assert.Equal(components.Select(c => Str(c, "bom-ref")).ToHashSet(), dependsOn);
    }

    [Fact]
    public async Task Vulnerabilities_RateAndAffectTheirComponents()
    {
        var json = await JsonAsync(new CycloneDxFormat(), fixture.Report);
        var refs = json.GetProperty("components").EnumerateArray().Select(c => Str(c, "bom-ref")).ToHashSet();
        var vulnerabilities = json.GetProperty("vulnerabilities").EnumerateArray().ToList();

        Assert.Equal(fixture.Report.Findings.Select(f => f.AdvisoryId).Distinct().Count(), vulnerabilities.Count);
        foreach (var vulnerability in vulnerabilities)
        {
            Assert.All(Names(vulnerability), name => Assert.Contains(name, VulnerabilityFields));
            foreach (var rating in vulnerability.GetProperty("ratings").EnumerateArray())
            {
                Assert.Contains(Str(rating, "severity"), Severities);
                if (rating.TryGetProperty("method", out var method)) Assert.Contains(method.GetString(), Methods);
            }
            var affects = vulnerability.GetProperty("affects").EnumerateArray().ToList();
            Assert.NotEmpty(affects);
            Assert.All(affects, a => Assert.Contains(Str(a, "ref"), refs));
        }

        var glibc = vulnerabilities.Single(v => Str(v, "id") == "CVE-2025-4802");
        var rated = glibc.GetProperty("ratings")[0];
        Assert.Equal("high", Str(rated, "severity"));
        Assert.Equal(7.8, rated.GetProperty("score").GetDouble());
        Assert.Equal("CVSSv31", Str(rated, "method"));
        Assert.Equal("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", Str(rated, "vector"));
        Assert.Equal("debian-security-tracker", Str(glibc.GetProperty("source"), "name"));
        Assert.Equal("Upgrade libc6 to 2.36-9+deb12u99", Str(glibc, "recommendation"));
        Assert.StartsWith("pkg:deb/debian/libc6@", Str(glibc.GetProperty("affects")[0], "ref"));
        Assert.Equal("Upgrade express to 4.20.0 or 5.0.0", Str(vulnerabilities.Single(v => Str(v, "id") == "GHSA-qw6h-vgh9-j6wx"), "recommendation"));
        Assert.False(vulnerabilities.Single(v => Str(v, "id") == "CVE-2023-45853").TryGetProperty("recommendation", out _));
    }

    [Fact]
    public async Task TheSameLibraryAtTwoPaths_GetsTwoDistinctRefs()
    {
        var express = fixture.Single(Ecosystem.Npm, "express");
        var copy = express with { FilePath = "opt/other/node_modules/express/package.json" };
        var report = fixture.Report with { Packages = [.. fixture.Report.Packages, copy] };

        var json = await JsonAsync(new CycloneDxFormat(), report);
        var refs = json.GetProperty("components").EnumerateArray().Where(c => Str(c, "name") == "express").Select(c => Str(c, "bom-ref")).ToList();

        Assert.Equal(2, refs.Count);
        Assert.Equal("pkg:npm/express@4.16.4", refs[0]);
        Assert.Matches("^urn:uuid:[0-9a-f-]{36}$", refs[1]);
    }

    [Theory]
    [InlineData("MIT", true)]
    [InlineData("(MIT OR Apache-2.0)", true)]
    [InlineData("GPL-2.0+ WITH Classpath-exception-2.0", true)]
    [InlineData("LicenseRef-custom AND BSD-3-Clause", true)]
    [InlineData("MIT License", false)]
    [InlineData("see LICENSE file", false)]
    [InlineData("(MIT OR", false)]
    [InlineData("BSD, MIT", false)]
    [InlineData("", false)]
    public void LicenseExpressions_AreRecognised(string text, bool valid) => Assert.Equal(valid, SpdxLicenseExpression.IsValid(text));

    private static void AssertComponent(JsonElement component)
    {
        Assert.All(Names(component), name => Assert.Contains(name, ComponentFields));
        Assert.Contains(Str(component, "type"), ComponentTypes);
        Assert.False(string.IsNullOrEmpty(Str(component, "name")));
        if (component.TryGetProperty("licenses", out var licenses))
            foreach (var choice in licenses.EnumerateArray())
                Assert.True(choice.TryGetProperty("expression", out _) ^ choice.TryGetProperty("license", out var license)
                    && (license.ValueKind == JsonValueKind.Undefined || license.TryGetProperty("id", out _) || license.TryGetProperty("name", out _)));
        if (component.TryGetProperty("properties", out var properties))
            Assert.All(properties.EnumerateArray(), p => Assert.Equal(["name", "value"], Names(p)));
    }
}
