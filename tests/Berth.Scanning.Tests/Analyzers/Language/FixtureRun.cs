using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Tests.Analyzers.Language;

/// <summary>Feeds one file to an analyzer the way the layer walker does: a path, a size and a forward-only stream.</summary>
public static class FixtureRun
{
    /// <summary>Runs a testdata file through <paramref name="analyzer"/> under the image path <paramref name="layerPath"/>.</summary>
    public static async Task<LayerFindings> FileAsync(IFileAnalyzer analyzer, string layerPath, string fixture, ScanLimits? limits = null)
    {
        await using var stream = new FileStream(fixture, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
        return await StreamAsync(analyzer, layerPath, stream, stream.Length, limits);
    }

    public static Task<LayerFindings> BytesAsync(IFileAnalyzer analyzer, string layerPath, byte[] content, ScanLimits? limits = null) =>
        StreamAsync(analyzer, layerPath, new MemoryStream(content, writable: false), content.Length, limits);

    private static async Task<LayerFindings> StreamAsync(IFileAnalyzer analyzer, string layerPath, Stream stream, long size, ScanLimits? limits)
    {
        Assert.True(analyzer.Wants(layerPath, size), $"{analyzer.Name} should want {layerPath}");
        var findings = new LayerFindings();
        await analyzer.AnalyzeAsync(new LayerFile(layerPath, size, stream, limits ?? ScanLimits.Default), findings, CancellationToken.None);
        return findings;
    }

    public static IReadOnlyList<Package> Packages(this LayerFindings findings) =>
        [.. findings.PackageSets.SelectMany(s => s.Packages)];

    public static Package Single(this LayerFindings findings, string name, string version) =>
        Assert.Single(findings.Packages(), p => p.Name == name && p.Version == version);
}
