namespace Berth.Access.Roles;

/// <summary>The action names of Harbor's RBAC.</summary>
public static class Actions
{
    public const string Pull = "pull";
    public const string Push = "push";
    public const string Create = "create";
    public const string Read = "read";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string List = "list";
    public const string Operate = "operate";
    public const string ScannerPull = "scanner-pull";
    public const string Stop = "stop";
    /// <summary>Any action, in robot permission lists.</summary>
    public const string Any = "*";
}
