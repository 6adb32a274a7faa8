using Berth.Api.ScannerAdapter.Registrations;
using Berth.Scanning.Images.Remote;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Berth.Api.ScannerAdapter;

/// <summary>Wires the scanner adapter API; its endpoints exist only when <see cref="ScannerAdapterOptions.ApiKey"/> is set.</summary>
public static class ScannerAdapterServices
{
    public static IServiceCollection AddBerthScannerAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ScannerAdapterOptions>(configuration.GetSection(ScannerAdapterOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new RemoteRegistryImage(new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(30),
            // Registries hand blobs off to object storage; the handler drops Authorization on such redirects.
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
        })
        {
            // Until the response headers; a layer body then streams for as long as the scan timeout allows.
            Timeout = TimeSpan.FromMinutes(2),
        }));
        services.AddSingleton<AdapterScanStore>();
        services.AddSingleton<AdapterMetadata>();
        services.AddSingleton<AdapterScanRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<AdapterScanRunner>());
        services.AddSingleton<ScannerAdapterEndpoints>();
        services.AddSingleton<ScannerRegistrationViews>();
        services.AddSingleton<ScannerRegistrationEndpoints>();
        services.AddSingleton<ProjectScannerEndpoints>();
        return services;
    }

    /// <summary>The registration API under <c>/api/v2.0</c>, always served (it is how Berth uses other scanners).</summary>
    public static void MapScannerRegistrations(this IEndpointRouteBuilder api, IServiceProvider services)
    {
        services.GetRequiredService<ScannerRegistrationEndpoints>().Map(api);
        services.GetRequiredService<ProjectScannerEndpoints>().Map(api);
    }

    public static void MapBerthScannerAdapter(this WebApplication app)
    {
        app.MapGroup(Berth.Api.System.OpenApiDocument.Prefix).MapScannerRegistrations(app.Services);
        if (!app.Services.GetRequiredService<IOptions<ScannerAdapterOptions>>().Value.Enabled) return;
        app.Services.GetRequiredService<ScannerAdapterEndpoints>().Map(app);
    }
}
