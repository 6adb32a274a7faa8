using Berth.Policy;

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
        services.AddBerthAdmission(configuration);
        // Checks (IPolicyCheck) and exemptions (IPolicyExemption), each on its own line:
        return services;
    }
}
