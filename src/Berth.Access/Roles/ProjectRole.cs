namespace Berth.Access.Roles;

/// <summary>Harbor's project roles, with Harbor's ids so API clients can send the same numbers.</summary>
public enum ProjectRole
{
    ProjectAdmin = 1,
    Developer = 2,
    Guest = 3,
    Maintainer = 4,
    LimitedGuest = 5,
}
