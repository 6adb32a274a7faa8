namespace Berth.Access.Roles;

/// <summary>An action on a kind of resource within a project, in Harbor's RBAC words (<c>repository:pull</c>).</summary>
public readonly record struct Permission(string Resource, string Action)
{
    public override string ToString() => $"{Resource}:{Action}";
}
