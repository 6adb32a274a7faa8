using Berth.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace Berth.Registry.Access;

/// <summary>
/// The authentication and authorization step of every /v2 request, called after the route is known and
/// before the handler runs. Returns null to let the request through, or the error to answer with
/// (401 with a challenge, 403).
/// </summary>
public interface IRegistryAccess
{
    ValueTask<OciError?> AuthorizeAsync(HttpContext context, IReadOnlyList<RegistryAccessRequest> requests);

    /// <summary>
    /// Which repositories the (already authorized) caller may see in listings such as <c>_catalog</c>.
    /// </summary>
    ValueTask<Func<string, Task<bool>>> VisibleRepositoriesAsync(HttpContext context);
}
