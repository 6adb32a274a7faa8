using Berth.Access.Authentication;
using Berth.Access.Authorization;
using Berth.Access.Throttling;
using Berth.Access.Tokens;
using Berth.Api.Artifacts;
using Berth.Api.Audit;
using Berth.Api.Bootstrap;
using Berth.Api.Http;
using Berth.Api.Members;
using Berth.Api.Projects;
using Berth.Api.Robots;
using Berth.Api.Scans;
using Berth.Api.Repositories;
using Berth.Api.Search;
using Berth.Api.System;
using Berth.Api.Tokens;
using Berth.Api.Users;
using Berth.Metadata.Access;
using Berth.Metadata.Artifacts;
using Berth.Metadata.Sqlite;
using Berth.Registry.Access;

namespace Berth.Composition;

/// <summary>
/// Wires access control: the account stores, credential checks, the token service with its signing key
/// kept in the data directory, /v2 authorization by project and role, and the /api/v2.0 and
/// /service/token endpoints.
/// </summary>
internal static class AccessComposition
{
    public const string ExternalUrlKey = "Server:ExternalUrl";

    public static IServiceCollection AddBerthAccess(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var tokenOptions = configuration.GetSection(TokenOptions.Section).Get<TokenOptions>() ?? new TokenOptions();
        services.AddSingleton(tokenOptions);
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton<IUserStore, SqliteUserStore>();
        services.AddSingleton<IProjectStore, SqliteProjectStore>();
        services.AddSingleton<IRobotStore, SqliteRobotStore>();
        services.AddSingleton<IAuditLog, SqliteAuditLog>();
        services.AddSingleton<ICveAllowlistStore, SqliteCveAllowlistStore>();

        services.AddSingleton(_ => TokenSigningKey.LoadOrCreate(Path.Combine(dataDirectory, "token-signing-key.pem")));
        services.AddSingleton<TokenService>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<CredentialVerifier>();
        services.AddSingleton<RequestAuthenticator>();
        services.AddSingleton<ProjectAccessResolver>();
        services.AddSingleton<ScopeAuthorizer>();
        services.AddSingleton(new RegistryChallenge(tokenOptions, configuration[ExternalUrlKey]));
        services.AddSingleton<IRegistryAccess, ProjectRegistryAccess>();

        services.AddSingleton<ApiCaller>();
        services.AddSingleton<TokenEndpoint>();
        services.AddSingleton<ProjectEndpoints>();
        services.AddSingleton<UserEndpoints>();
        services.AddSingleton<MemberEndpoints>();
        services.AddSingleton<RobotPermissionRules>();
        services.AddSingleton<RobotEndpoints>();
        services.AddSingleton<SystemEndpoints>();
        services.AddSingleton<OpenApiDocument>();
        services.AddSingleton<CveAllowlistEndpoints>();
        services.AddSingleton<AccessBootstrap>();

        services.AddSingleton<IArtifactQueries, SqliteArtifactQueries>();
        services.AddSingleton<ProjectGate>();
        services.AddSingleton<RepositoryPath>();
        services.AddSingleton<RepositoryEndpoints>();
        services.AddSingleton<ArtifactEndpoints>();
        services.AddSingleton<AuditLogEndpoints>();
        services.AddSingleton<SearchEndpoints>();
        services.AddSingleton<ScanEndpoints>();
        services.AddSingleton<ScanAllEndpoints>();
        return services;
    }

    /// <summary>Creates the first administrator and the library project when missing.</summary>
    public static Task PrepareAccessAsync(this IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<AccessBootstrap>().RunAsync(Console.Out, cancellationToken);

    public static void MapBerthApi(this WebApplication app)
    {
        var services = app.Services;
        app.MapGet("/service/token", services.GetRequiredService<TokenEndpoint>().HandleAsync);
        var api = app.MapGroup(OpenApiDocument.Prefix);
        api.MapGet("/openapi.json", services.GetRequiredService<OpenApiDocument>().WriteAsync);
        services.GetRequiredService<SystemEndpoints>().Map(api);
        services.GetRequiredService<ProjectEndpoints>().Map(api);
        services.GetRequiredService<CveAllowlistEndpoints>().Map(api);
        services.GetRequiredService<UserEndpoints>().Map(api);
        services.GetRequiredService<MemberEndpoints>().Map(api);
        services.GetRequiredService<RobotEndpoints>().Map(api);
        services.GetRequiredService<RepositoryEndpoints>().Map(api);
        services.GetRequiredService<ArtifactEndpoints>().Map(api);
        services.GetRequiredService<AuditLogEndpoints>().Map(api);
        services.GetRequiredService<SearchEndpoints>().Map(api);
        services.GetRequiredService<ScanEndpoints>().Map(api);
        services.GetRequiredService<ScanAllEndpoints>().Map(api);
    }
}
