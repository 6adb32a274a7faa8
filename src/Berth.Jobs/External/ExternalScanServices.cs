using Berth.Metadata.Scanners;
using Berth.Metadata.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Berth.Jobs.External;

/// <summary>Wires scanner registrations and scanning with external adapters.</summary>
public static class ExternalScanServices
{
    public static IServiceCollection AddBerthExternalScanners(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ExternalScanOptions>(configuration.GetSection(ExternalScanOptions.Section));
        services.PostConfigure<ExternalScanOptions>(options =>
            options.RegistryUrl = (options.RegistryUrl ?? configuration["Server:ExternalUrl"] ?? FromListen(configuration["Server:Listen"])).TrimEnd('/'));
        services.AddSingleton<SqliteScannerRegistrationStore>();
        services.AddSingleton<IScannerRegistrationStore>(sp => sp.GetRequiredService<SqliteScannerRegistrationStore>());
        services.AddSingleton<IExternalScanReportStore>(sp => sp.GetRequiredService<SqliteScannerRegistrationStore>());
        services.AddSingleton<ScannerAdapterClient>();
        services.AddSingleton<IScannerAdapterProbe>(sp => sp.GetRequiredService<ScannerAdapterClient>());
        services.AddSingleton<ExternalScans>();
        return services;
    }

    /// <summary>The listen address as a URL a process on this host can reach: any-address becomes loopback.</summary>
    private static string FromListen(string? listen)
    {
        var address = string.IsNullOrEmpty(listen) ? "0.0.0.0:5000" : listen;
        if (address.StartsWith("0.0.0.0:", StringComparison.Ordinal)) address = "127.0.0.1:" + address["0.0.0.0:".Length..];
        else if (address.StartsWith("[::]:", StringComparison.Ordinal)) address = "[::1]:" + address["[::]:".Length..];
        return $"http://{address}";
    }
}
