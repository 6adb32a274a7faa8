using Berth.Access.Passwords;
using Berth.Metadata.Access;
using Microsoft.Extensions.Logging;

namespace Berth.Api.Bootstrap;

/// <summary>
/// What the first start creates: the <c>admin</c> system administrator — with the password from
/// <c>BERTH_ADMIN_PASSWORD</c>, or a generated one printed once — and the public project <c>library</c>,
/// as Harbor has. Later starts find both and change nothing.
/// </summary>
public sealed partial class AccessBootstrap(IUserStore users, IProjectStore projects, ILogger<AccessBootstrap> logger)
{
    public const string AdminUsername = "admin";
    public const string PasswordVariable = "BERTH_ADMIN_PASSWORD";

    public async Task RunAsync(TextWriter console, CancellationToken cancellationToken)
    {
        var admin = await users.FindAsync(AdminUsername, cancellationToken);
        if (admin is null)
        {
            var given = Environment.GetEnvironmentVariable(PasswordVariable);
            var password = string.IsNullOrEmpty(given) ? GeneratedSecret.Create(24) : given;
            admin = await users.CreateAsync(new NewUser(AdminUsername, PasswordHasher.Hash(password), SysAdmin: true), cancellationToken)
                ?? await users.FindAsync(AdminUsername, cancellationToken)
                ?? throw new InvalidOperationException("the admin user could not be created");
            if (string.IsNullOrEmpty(given))
            {
                // Printed straight to the console, never to the log, and only this once.
                console.WriteLine($"Generated password for user '{AdminUsername}': {password}");
                console.WriteLine($"It is shown only now. Set {PasswordVariable} before the first start to choose it instead.");
            }
            LogAdminCreated(logger, AdminUsername);
        }
        if (await projects.FindAsync("library", cancellationToken) is null)
        {
            await projects.CreateAsync("library", admin.Id, new Dictionary<string, string> { ["public"] = "true" }, cancellationToken);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "created system administrator '{Username}'")]
    private static partial void LogAdminCreated(ILogger logger, string username);
}
