using Berth.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace Berth.Registry.Access;

/// <summary>Lets every request through: the registry core without access control.</summary>
public sealed class AnonymousRegistryAccess : IRegistryAccess
{
    public ValueTask<OciError?> AuthorizeAsync(HttpContext context, IReadOnlyList<RegistryAccessRequest> requests) =>
        ValueTask.FromResult<OciError?>(null);

    public ValueTask<Func<string, Task<bool>>> VisibleRepositoriesAsync(HttpContext context) =>
        ValueTask.FromResult<Func<string, Task<bool>>>(static _ => Task.FromResult(true));
}
