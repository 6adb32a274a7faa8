using Berth.Access.Identity;
using Berth.Access.Roles;

namespace Berth.Access.Tests.Identity;

public sealed class PrincipalTests
{
    [Fact]
    public void Anonymous_IsNotAuthenticatedNorAdmin()
    {
        Assert.Equal(PrincipalKind.Anonymous, Principal.Anonymous.Kind);
        Assert.False(Principal.Anonymous.IsAuthenticated);
        Assert.False(Principal.Anonymous.IsSystemAdmin);
        Assert.Empty(Principal.Anonymous.RobotGrants);
    }

    [Fact]
    public void User_IsAuthenticatedAndKeepsItsAdminFlag()
    {
        var admin = Principal.User(1, "admin", isSystemAdmin: true);
        var alice = Principal.User(2, "alice", isSystemAdmin: false);

        Assert.True(admin.IsAuthenticated);
        Assert.True(admin.IsSystemAdmin);
        Assert.False(alice.IsSystemAdmin);
        Assert.Equal(PrincipalKind.User, alice.Kind);
    }

    [Fact]
    public void Robot_IsAuthenticatedNeverAdminAndCarriesItsGrants()
    {
        RobotGrant[] grants = [new(RobotGrant.ProjectKind, "team", [new Permission(Resources.Repository, Actions.Pull)])];

        var robot = Principal.Robot(7, "robot$team+ci", grants);

        Assert.Equal(PrincipalKind.Robot, robot.Kind);
        Assert.True(robot.IsAuthenticated);
        Assert.False(robot.IsSystemAdmin);
        Assert.Same(grants, robot.RobotGrants);
    }
}
