using Berth.Access.Identity;
using Berth.Access.Tokens;

namespace Berth.Access.Authentication;

/// <summary>
/// Who a request comes from. A bearer token's access list is what the caller may do (the token already
/// holds the decision); otherwise the principal's roles decide. <see cref="Failure"/> is set when the
/// request carried credentials that did not check out.
/// </summary>
public sealed record Authenticated(Principal Principal, RegistryToken? Token, string? Failure)
{
    public static readonly Authenticated Anonymous = new(Principal.Anonymous, null, null);

    public bool Failed => Failure is not null;
}
