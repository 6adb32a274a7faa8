using Berth.Scanning.Analyzers.Rpm;
using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Tests.Analyzers.Rpm;

/// <summary>What the analyzer reported for one database file.</summary>
public sealed record RpmDatabaseRun(IReadOnlyList<Package> Packages, IReadOnlyCollection<string> InstalledFiles, IReadOnlyList<string> Warnings)
{
    public Package Single(string name) => Assert.Single(Packages, p => p.Name == name);

    public static Task<RpmDatabaseRun> FixtureAsync(string sample, string databasePath) =>
        FileAsync(TestData.Path("packages", "rpm", sample, databasePath), databasePath);

    public static async Task<RpmDatabaseRun> FileAsync(string file, string databasePath, ScanLimits? limits = null)
    {
        await using var content = File.OpenRead(file);
        return await StreamAsync(content, content.Length, databasePath, limits);
    }

    public static async Task<RpmDatabaseRun> BytesAsync(byte[] bytes, string databasePath)
    {
        using var content = new MemoryStream(bytes, writable: false);
        return await StreamAsync(content, bytes.Length, databasePath, null);
    }

    private static async Task<RpmDatabaseRun> StreamAsync(Stream content, long size, string databasePath, ScanLimits? limits)
    {
        var findings = new LayerFindings();
        await new RpmAnalyzer().AnalyzeAsync(new LayerFile(databasePath, size, content, limits ?? ScanLimits.Default), findings, CancellationToken.None);
        var packages = findings.PackageSets.SelectMany(set =>
        {
            Assert.Equal(databasePath, set.FilePath);
            return set.Packages;
        }).ToList();
        return new RpmDatabaseRun(packages, findings.InstalledFiles, findings.Warnings);
    }
}
