using Berth.Policy;
using Berth.Policy.Vulnerabilities;

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
        services.AddSingleton<ReportFindingsCache>();
        services.AddSingleton<ArtifactReports>();
        services.AddSingleton<IPolicyCheck, VulnerabilityCheck>();
        return services;
    }
}
