using Berth.Api.Immutability;
using Berth.Api.Signatures;
using Berth.Api.System;
using Berth.Metadata.Artifacts;
using Berth.Metadata.Immutability;
using Berth.Metadata.Signatures;
using Berth.Metadata.Sqlite;
using Berth.Policy;
using Berth.Policy.Immutability;
using Berth.Policy.Signatures;
using Berth.Policy.Vulnerabilities;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        services.AddSingleton<IPolicyCheck, CosignSignatureCheck>();
        services.AddSingleton<IPolicyCheck, NotationSignatureCheck>();
        services.AddSingleton<IPolicyCheck, VulnerabilityCheck>();
        services.AddSingleton<IPolicyExemption, SignatureExemption>();

        // Pull prevention by vulnerabilities: the report findings, parsed once per match.
        services.AddSingleton<ReportFindingsCache>();
        services.AddSingleton<ArtifactReports>();

        // Content trust: discovery and verification of signatures, the keys projects trust, and the revision moving with signatures.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ISignatureKeyStore, SqliteSignatureKeyStore>();
        services.AddSingleton<SignatureBlobs>();
        services.AddSingleton<SignatureDiscovery>();
        services.AddSingleton<CosignSimpleSigningVerifier>();
        services.AddSingleton<SigstoreBundleVerifier>();
        services.AddSingleton<NotationJwsVerifier>();
        services.AddSingleton<SignatureRequirement>();
        services.AddSingleton<IArtifactPushObserver, SignaturePushRevision>();
        services.AddSingleton<IArtifactRemovalObserver, SignatureRemovalRevision>();
        services.AddSingleton<SignatureKeyEndpoints>();

        // Tag immutability: the rules, compiled per project, and their API.
        services.AddSingleton<IImmutableTagRuleStore, SqliteImmutableTagRuleStore>();
        services.AddSingleton<ImmutableTagRules>();
        services.AddSingleton<ImmutableRuleEndpoints>();
        return services;
    }

    /// <summary>Maps the policy's API endpoints into <c>/api/v2.0</c>.</summary>
    public static void MapBerthPolicyApi(this WebApplication app)
    {
        var api = app.MapGroup(OpenApiDocument.Prefix);
        app.Services.GetRequiredService<SignatureKeyEndpoints>().Map(api);
        app.Services.GetRequiredService<ImmutableRuleEndpoints>().Map(api);
    }
}
