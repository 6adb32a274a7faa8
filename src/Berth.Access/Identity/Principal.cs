namespace Berth.Access.Identity;

/// <summary>
/// The caller of a request once authenticated: its kind, id and name as stored, whether it is a system
/// administrator, and for robots the permissions they were given.
/// </summary>
public sealed record Principal(PrincipalKind Kind, long Id, string Name, bool IsSystemAdmin, IReadOnlyList<RobotGrant> RobotGrants)
{
    public static readonly Principal Anonymous = new(PrincipalKind.Anonymous, 0, "anonymous", false, []);

    public bool IsAuthenticated => Kind != PrincipalKind.Anonymous;

    public static Principal User(long id, string name, bool isSystemAdmin) => new(PrincipalKind.User, id, name, isSystemAdmin, []);

    public static Principal Robot(long id, string name, IReadOnlyList<RobotGrant> grants) => new(PrincipalKind.Robot, id, name, false, grants);
}
