using Berth.Core.Advisories;
using Berth.Jobs.External;
using Berth.Jobs.Scanning;
using Berth.Metadata.Artifacts;
using Berth.Metadata.Scans;
using Berth.Metadata.Sqlite;
using Berth.Scanning.Images;
using Berth.Scanning.Layers;
using Berth.Scanning.Matching;
using Berth.Scanning.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Berth.Jobs;

/// <summary>Wires the background jobs: the scan queue and its workers, scan on push, and re-matching after advisory imports, the scan-all schedule.</summary>
public static class JobServices
{
    /// <summary>Where analyzed layers are cached, under the data directory.</summary>
    public static string LayerCacheDirectory(string dataDirectory) => Path.Combine(dataDirectory, "scan-cache", "layers");

    public static IServiceCollection AddBerthJobs(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.Configure<ScannerOptions>(configuration.GetSection(ScannerOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAdvisoryStore, SqliteAdvisoryStore>();
        services.AddSingleton<IScanReportStore, SqliteScanReportStore>();
        services.AddSingleton<IScanAllScheduleStore, SqliteScanAllScheduleStore>();
        services.AddSingleton<RunningScans>();

        services.AddSingleton(sp => new ImageScanner(
            new ImageInventoryReader(new CachedLayerAnalyzer(
                new LayerWalker(ImageAnalyzers.All()), new FileLayerAnalysisCache(LayerCacheDirectory(dataDirectory)))),
            new AdvisoryMatcher(sp.GetRequiredService<IAdvisoryStore>()),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<RegistryImages>();
        services.AddSingleton<ScanQueueSignal>();
        services.AddSingleton<IScanScheduler, ArtifactScanScheduler>();
        services.AddSingleton<IArtifactPushObserver, ScanOnPush>();
        services.AddBerthExternalScanners(configuration);
        services.AddHostedService<ScanWorker>();
        services.AddHostedService<AdvisoryRematcher>();
        services.AddHostedService<ScanAllScheduleRunner>();
        return services;
    }
}
