using Berth.Access.Authorization;
using Berth.Access.Tokens;
using Microsoft.AspNetCore.Http;

namespace Berth.Registry.Access;

/// <summary>
/// Who a pull's deployment policy does not apply to, exactly as Harbor's <c>SkipPolicyChecking</c>: only a Bearer
/// token from the token service, and then only when it grants <c>scanner-pull</c> on the repository (a scanner
/// must read a vulnerable image to report it), or grants <c>push</c> to a signing tool (cosign or notation in the
/// User-Agent) that reads the manifest before signing it. Basic credentials never bypass, whoever they belong to.
/// </summary>
public static class PolicyBypass
{
    public static bool Applies(HttpContext context, string repository)
    {
        if (ProjectRegistryAccess.Caller(context)?.Token is not { } token) return false;
        if (token.Grants(AccessEntry.RepositoryType, repository, RegistryPermissions.ScannerPull)) return true;
        return token.Grants(AccessEntry.RepositoryType, repository, RegistryPermissions.Push) && IsSigningTool(context.Request.Headers.UserAgent.ToString());
    }

    private static bool IsSigningTool(string userAgent) =>
        userAgent.Contains("cosign", StringComparison.OrdinalIgnoreCase) || userAgent.Contains("notation", StringComparison.OrdinalIgnoreCase);
}
