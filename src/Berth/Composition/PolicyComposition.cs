using Berth.Api.Immutability;
using Berth.Metadata.Immutability;
using Berth.Metadata.Sqlite;
using Berth.Policy;
using Berth.Policy.Immutability;

namespace Berth.Composition;

/// <summary>
/// Wires deployment security: the project's deployment policy with its checks and exemptions, which pulls
/// and admission reviews both apply.
/// </summary>
internal static class PolicyComposition
{
    public static IServiceCollection AddBerthPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PolicyRevision>();
        services.AddSingleton<IArtifactPolicy, DeploymentPolicy>();
        // Checks (IPolicyCheck) and exemptions (IPolicyExemption), each on its own line:
        services.AddSingleton<IImmutableTagRuleStore, SqliteImmutableTagRuleStore>();
        services.AddSingleton<ImmutableTagRules>();
        services.AddSingleton<ImmutableRuleEndpoints>();
        return services;
    }

    /// <summary>The deployment-security endpoints under /api/v2.0.</summary>
    public static void MapBerthPolicyApi(this WebApplication app)
    {
        var api = app.MapGroup(Berth.Api.System.OpenApiDocument.Prefix);
        app.Services.GetRequiredService<ImmutableRuleEndpoints>().Map(api);
    }
}
