using System.Text.Json;
using Berth.Scanning.Packages;
using Berth.Scanning.Reports.Formats;
using static Berth.Scanning.Tests.Reports.ReportOutput;

namespace Berth.Scanning.Tests.Reports;

/// <summary>The document against SPDX 2.3's JSON schema (spdx-schema.json): required and allowed fields, patterns, enums.</summary>
[Collection(ReportCollection.Name)]
public sealed class SpdxFormatTests(ReportFixture fixture)
{
    private static readonly string[] RootRequired = ["SPDXID", "creationInfo", "dataLicense", "name", "spdxVersion", "documentNamespace"];

    private static readonly string[] RootFields = ["$schema", "SPDXID", "annotations", "comment", "creationInfo", "dataLicense", "externalDocumentRefs",
        "hasExtractedLicensingInfos", "name", "revieweds", "spdxVersion", "documentNamespace", "documentDescribes", "packages", "files", "snippets", "relationships"];

    private static readonly string[] PackageFields = ["SPDXID", "annotations", "attributionTexts", "builtDate", "checksums", "comment", "copyrightText",
        "description", "downloadLocation", "externalRefs", "filesAnalyzed", "hasFiles", "homepage", "licenseComments", "licenseConcluded", "licenseDeclared",
        "licenseInfoFromFiles", "name", "originator", "packageFileName", "packageVerificationCode", "primaryPackagePurpose", "releaseDate", "sourceInfo",
        "summary", "supplier", "validUntilDate", "versionInfo"];

    private static readonly string[] Purposes = ["OTHER", "INSTALL", "ARCHIVE", "FIRMWARE", "APPLICATION", "FRAMEWORK", "LIBRARY", "CONTAINER", "SOURCE",
        "DEVICE", "OPERATING-SYSTEM", "FILE"];

    private static readonly string[] ReferenceCategories = ["OTHER", "PERSISTENT-ID", "PERSISTENT_ID", "SECURITY", "PACKAGE-MANAGER", "PACKAGE_MANAGER"];

    private const string Created = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|23:59:60)Z$";

    [Fact]
    public async Task Document_HasTheRequiredFields()
    {
        var json = await JsonAsync(new SpdxFormat(), fixture.Report);

        Assert.All(RootRequired, name => Assert.True(json.TryGetProperty(name, out _), name));
        Assert.All(Names(json), name => Assert.Contains(name, RootFields));
        Assert.Equal("SPDX-2.3", Str(json, "spdxVersion"));
        Assert.Equal("CC0-1.0", Str(json, "dataLicense"));
        Assert.Equal("SPDXRef-DOCUMENT", Str(json, "SPDXID"));
        Assert.Equal(fixture.Image.Name, Str(json, "name"));
        Assert.StartsWith("https://berth.invalid/spdx/", Str(json, "documentNamespace"));
        Assert.True(Uri.IsWellFormedUriString(Str(json, "documentNamespace"), UriKind.Absolute));
        var creation = json.GetProperty("creationInfo");
        Assert.Equal("2026-03-14T15:09:26Z", Str(creation, "created"));
        Assert.Matches(Created, Str(creation, "created"));
        Assert.Contains(creation.GetProperty("creators").EnumerateArray(), c => c.GetString()!.StartsWith("Tool: berth-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSameReport_RendersToTheSameBytes_AndAnotherInventoryToAnotherNamespace()
    {
        var first = await TextAsync(new SpdxFormat(), fixture.Report);
        var second = await TextAsync(new SpdxFormat(), fixture.Report);
        var fewer = await JsonAsync(new SpdxFormat(), fixture.Report with { Packages = fixture.Report.Packages.Skip(1).ToList() });
        var reordered = await JsonAsync(new SpdxFormat(), fixture.Report with { Packages = fixture.Report.Packages.Reverse().ToList() });

        // Harbor's sbom_digest is the digest of these bytes, computed once when the scan is stored.
        Assert.Equal(first, second);
        var ns = Str(JsonDocument.Parse(first).RootElement, "documentNamespace");
        Assert.Matches("-[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", ns);
        Assert.NotEqual(ns, Str(fewer, "documentNamespace"));
        // The namespace names the set of packages: listing them in another order does not change it.
        Assert.Equal(ns, Str(reordered, "documentNamespace"));
    }

    [Fact]
    public async Task Packages_AreTheImageAndEachPackageWithSafeIds()
    {
        var json = await JsonAsync(new SpdxFormat(), fixture.Report);
        var packages = json.GetProperty("packages").EnumerateArray().ToList();

        Assert.Equal(fixture.Report.Packages.Count + 1, packages.Count);
        foreach (var package in packages)
        {
            Assert.All(Names(package), name => Assert.Contains(name, PackageFields));
            Assert.Matches("^SPDXRef-[a-zA-Z0-9.-]+$", Str(package, "SPDXID"));
            Assert.Equal("NOASSERTION", Str(package, "downloadLocation"));
            Assert.Equal("NOASSERTION", Str(package, "licenseConcluded"));
            Assert.False(package.GetProperty("filesAnalyzed").GetBoolean());
            Assert.Contains(Str(package, "primaryPackagePurpose"), Purposes);
            var reference = package.GetProperty("externalRefs").EnumerateArray().Single();
            Assert.Contains(Str(reference, "referenceCategory"), ReferenceCategories);
            Assert.Equal("purl", Str(reference, "referenceType"));
            Assert.Matches(PackageUrlTests.WellFormed(), Str(reference, "referenceLocator"));
        }
        Assert.Equal(packages.Count, packages.Select(p => Str(p, "SPDXID")).Distinct().Count());
        Assert.Equal(packages.Count, packages.Select(p => Str(p.GetProperty("externalRefs")[0], "referenceLocator")).Distinct().Count());

        var image = packages[0];
        Assert.Equal("CONTAINER", Str(image, "primaryPackagePurpose"));
        Assert.Equal(fixture.Image.ManifestDigest, Str(image, "versionInfo"));
        var express = packages.Single(p => Str(p, "name") == "express");
        Assert.Equal("4.16.4", Str(express, "versionInfo"));
        Assert.Equal("MIT", Str(express, "licenseDeclared"));
        Assert.Equal("package found in: app/node_modules/express/package.json", Str(express, "sourceInfo"));
        Assert.Equal("NOASSERTION", Str(packages.Single(p => Str(p, "name") == "libc6"), "licenseDeclared"));
    }

    [Fact]
    public async Task Relationships_DescribeTheImageWhichContainsEveryPackage()
    {
        var json = await JsonAsync(new SpdxFormat(), fixture.Report);
        var ids = json.GetProperty("packages").EnumerateArray().Select(p => Str(p, "SPDXID")).ToList();
        var relationships = json.GetProperty("relationships").EnumerateArray().ToList();

        Assert.Equal(fixture.Report.Packages.Count + 1, relationships.Count);
        Assert.All(relationships, r => Assert.Equal(["spdxElementId", "relationshipType", "relatedSpdxElement"], Names(r)));
        var describes = Assert.Single(relationships, r => Str(r, "relationshipType") == "DESCRIBES");
        Assert.Equal("SPDXRef-DOCUMENT", Str(describes, "spdxElementId"));
        Assert.Equal(ids[0], Str(describes, "relatedSpdxElement"));
        var contained = relationships.Where(r => Str(r, "relationshipType") == "CONTAINS").ToList();
        Assert.All(contained, r => Assert.Equal(ids[0], Str(r, "spdxElementId")));
        Assert.Equal(ids.Skip(1).Order(), contained.Select(r => Str(r, "relatedSpdxElement")).Order());
    }

    [Fact]
    public async Task LicenseThatIsNoExpression_IsNotDeclared()
    {
        var odd = new Package { Name = "odd", Version = "1.0.0", Ecosystem = Ecosystem.Npm, License = "MIT License", FilePath = "app/node_modules/odd/package.json" };
        var report = fixture.Report with { Packages = [.. fixture.Report.Packages, odd] };

        var json = await JsonAsync(new SpdxFormat(), report);

        Assert.Equal("NOASSERTION", Str(json.GetProperty("packages").EnumerateArray().Single(p => Str(p, "name") == "odd"), "licenseDeclared"));
    }
}
