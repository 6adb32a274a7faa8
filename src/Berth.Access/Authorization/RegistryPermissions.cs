using Berth.Access.Roles;

namespace Berth.Access.Authorization;

/// <summary>
/// The Docker token actions (<c>pull</c>, <c>push</c>, <c>delete</c>, <c>scanner-pull</c>) as RBAC permissions,
/// the mapping Harbor's robot permissions use.
/// </summary>
public static class RegistryPermissions
{
    public const string Pull = "pull";
    public const string Push = "push";
    public const string Delete = "delete";
    public const string ScannerPull = "scanner-pull";

    public static IReadOnlyList<string> All { get; } = [Pull, Push, Delete, ScannerPull];

    public static Permission? For(string action) => action switch
    {
        Pull => new Permission(Resources.Repository, Actions.Pull),
        Push => new Permission(Resources.Repository, Actions.Push),
        Delete => new Permission(Resources.Artifact, Actions.Delete),
        ScannerPull => new Permission(Resources.Repository, Actions.ScannerPull),
        _ => null,
    };
}
