using Berth.Api.Admission;
using Berth.Api.System;
using Berth.Configuration;
using Berth.Configuration.Tls;
using Berth.Metadata.Admission;
using Berth.Metadata.Sqlite;
using Berth.Policy.Admission;

namespace Berth.Composition;

/// <summary>
/// Wires the admission webhook: the allowed-registry constraints from <c>Admission:Constraints</c> (files or
/// directories of Gatekeeper YAML; none means only Berth's own address), the registry policy, the verdict cache
/// and the endpoint.
/// </summary>
internal static class AdmissionComposition
{
    public const string TimeoutKey = "Admission:DefaultTimeout";
    public const string CacheCapacityKey = "Admission:CacheCapacity";
    public const string AuditRetentionKey = "Admission:AuditRetention";
    public const string AuditCapacityKey = "Admission:AuditCapacity";

    public static IServiceCollection AddBerthAdmission(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => Read(configuration));
        services.AddSingleton(sp => sp.GetRequiredService<AdmissionRules>().Settings);
        services.AddSingleton(sp => new AllowedRegistries(sp.GetRequiredService<AdmissionRules>().Constraints
            ?? throw new InvalidOperationException(sp.GetRequiredService<AdmissionRules>().Error)));
        services.AddSingleton(sp => new AdmissionVerdictCache(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<AdmissionSettings>().CacheCapacity));
        services.AddSingleton<RegistryAdmission>();
        services.AddSingleton<AdmissionValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<AdmissionRules>().Pinning);
        services.AddSingleton<AdmissionMutator>();
        services.AddSingleton(sp => sp.GetRequiredService<AdmissionRules>().Audit);
        services.AddSingleton<IAdmissionAuditStore, SqliteAdmissionAuditStore>();
        services.AddSingleton<AdmissionAudit>();
        services.AddSingleton<AdmissionAuditReport>();
        services.AddHostedService<AdmissionAuditWriter>();
        services.AddSingleton<AdmissionAuditEndpoints>();
        // With an HTTPS listener the API server calls the webhook there; the plain listener then answers 404.
        services.AddSingleton(new AdmissionListener(!string.IsNullOrWhiteSpace(configuration[TlsSettings.ListenKey])));
        services.AddSingleton<AdmissionEndpoints>();
        return services;
    }

    /// <summary>The configuration error that stops <c>berth serve</c>, naming the key and file; null when valid.</summary>
    public static string? Invalid(IServiceProvider services) => services.GetRequiredService<AdmissionRules>().Error;

    public static void MapBerthAdmission(this WebApplication app)
    {
        app.Services.GetRequiredService<AdmissionEndpoints>().Map(app);
        app.Services.GetRequiredService<AdmissionAuditEndpoints>().Map(app.MapGroup(OpenApiDocument.Prefix));
    }

    /// <summary>Reads the constraints and settings; used by <c>berth serve</c> and <c>berth admin admission export-vap</c>.</summary>
    public static AdmissionRules Read(IConfiguration configuration)
    {
        var address = RegistryAddress(configuration, out var addressError);
        if (addressError is not null) return new AdmissionRules(null, null!, addressError);
        var timeout = AdmissionSettings.StandardTimeout;
        if (configuration[TimeoutKey] is { Length: > 0 } timeoutText
            && (!TimeSpan.TryParse(timeoutText, System.Globalization.CultureInfo.InvariantCulture, out timeout) || timeout <= TimeSpan.Zero || timeout > AdmissionDeadline.Longest))
            return new AdmissionRules(null, null!, $"{TimeoutKey} is '{timeoutText}'; expected a time span above 0 and at most 00:00:30");
        var capacity = AdmissionSettings.StandardCacheCapacity;
        if (configuration[CacheCapacityKey] is { Length: > 0 } capacityText && (!int.TryParse(capacityText, out capacity) || capacity < 0))
            return new AdmissionRules(null, null!, $"{CacheCapacityKey} is '{capacityText}'; expected a whole number, 0 or more");
        var settings = new AdmissionSettings(address, timeout, capacity);
        var retention = AdmissionAuditSettings.StandardRetention;
        if (configuration[AuditRetentionKey] is { Length: > 0 } retentionText
            && (!TimeSpan.TryParse(retentionText, System.Globalization.CultureInfo.InvariantCulture, out retention) || retention < TimeSpan.FromMinutes(1)))
            return new AdmissionRules(null, settings, $"{AuditRetentionKey} is '{retentionText}'; expected a time span of at least 00:01:00, such as 30.00:00:00");
        var auditCapacity = AdmissionAuditSettings.StandardCapacity;
        if (configuration[AuditCapacityKey] is { Length: > 0 } auditText && (!int.TryParse(auditText, out auditCapacity) || auditCapacity < 0))
            return new AdmissionRules(null, settings, $"{AuditCapacityKey} is '{auditText}'; expected a whole number of workloads, 0 (remember none) or more");
        var pinning = DigestPinningConfiguration.Read(configuration, out var pinningError);
        if (pinning is null) return new AdmissionRules(null, settings, pinningError);

        var paths = ConstraintPaths(configuration);
        string? error = null;
        var constraints = paths.Count == 0 ? [AllowedReposConstraint.Default(address)] : ConstraintFiles.Load(paths, out error);
        return new AdmissionRules(constraints, settings, error)
        {
            Pinning = pinning,
            Audit = new AdmissionAuditSettings(retention, auditCapacity),
        };
    }

    /// <summary>One path as a string, or a list (<c>Admission:Constraints:0</c>, …).</summary>
    private static List<string> ConstraintPaths(IConfiguration configuration)
    {
        var section = configuration.GetSection(ConstraintFiles.ConfigurationKey);
        if (!string.IsNullOrEmpty(section.Value)) return [section.Value];
        return [.. section.GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0)];
    }

    /// <summary>
    /// Berth's address as pods name images on it: <c>host[:port]</c> of <c>Server:ExternalUrl</c>, else the listen
    /// address unless it is a wildcard (0.0.0.0 is no address a pod can use).
    /// </summary>
    private static string? RegistryAddress(IConfiguration configuration, out string? error)
    {
        error = null;
        if (configuration[AccessComposition.ExternalUrlKey] is { Length: > 0 } external)
        {
            if (Uri.TryCreate(external, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return uri.Authority.ToLowerInvariant();
            error = $"{AccessComposition.ExternalUrlKey} is '{external}'; expected an absolute http(s) URL such as https://registry.example.com";
            return null;
        }
        var listen = configuration[BerthSettings.ListenKey] ?? BerthSettings.DefaultListen;
        return listen.StartsWith("0.0.0.0:", StringComparison.Ordinal) || listen.StartsWith("[::]:", StringComparison.Ordinal) ? null : listen.ToLowerInvariant();
    }
}
