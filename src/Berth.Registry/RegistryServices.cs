using Berth.Metadata;
using Berth.Metadata.Artifacts;
using Berth.Metadata.Sqlite;
using Berth.Registry.Access;
using Berth.Registry.Audit;
using Berth.Registry.Endpoints;
using Berth.Storage;
using Berth.Storage.FileSystem;
using Berth.Storage.Uploads;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Berth.Registry;

/// <summary>Wires the registry core: embedded SQLite metadata, filesystem blobs, the /v2 endpoints.</summary>
public static class RegistryServices
{
    public static IServiceCollection AddBerthRegistry(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.Configure<RegistryOptions>(configuration.GetSection(RegistryOptions.Section));

        services.AddSingleton(new SqliteDatabase(Path.Combine(dataDirectory, "berth.db")));
        services.AddSingleton<IRegistryMetadata, SqliteRegistryMetadata>();
        services.AddSingleton<IArtifactEventLog, SqliteArtifactEventLog>();
        services.AddSingleton<ArtifactEventQueue>();
        services.AddHostedService<ArtifactEventWriter>();

        services.AddSingleton(new BlobPaths(Path.Combine(dataDirectory, "blobs")));
        services.AddSingleton<UploadHashes>();
        services.AddSingleton<FileSystemBlobStore>();
        services.AddSingleton<IBlobStore>(sp => sp.GetRequiredService<FileSystemBlobStore>());
        services.AddSingleton<IUploadStore, FileSystemUploadStore>();

        // Access control plugs in by registering its own IRegistryAccess before this runs.
        services.TryAddSingleton<IRegistryAccess, AnonymousRegistryAccess>();
        services.AddSingleton<BlobEndpoint>();
        services.AddSingleton<UploadEndpoint>();
        services.AddSingleton<ManifestEndpoint>();
        services.AddSingleton<ListingEndpoint>();
        services.AddSingleton<ReferrersEndpoint>();
        services.AddSingleton<RegistryDispatcher>();
        services.AddHostedService<UploadSweeper>();
        return services;
    }

    /// <summary>Creates or upgrades the metadata database; call once before serving.</summary>
    public static Task PrepareRegistryAsync(this IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<SqliteDatabase>().MigrateAsync(cancellationToken);

    /// <summary>Serves the distribution API under /v2.</summary>
    public static IApplicationBuilder MapBerthRegistry(this IApplicationBuilder app)
    {
        var dispatcher = app.ApplicationServices.GetRequiredService<RegistryDispatcher>();
        return app.Map("/v2", branch => branch.Run(dispatcher.InvokeAsync));
    }
}
