using Berth.Access.Identity;
using Berth.Access.Roles;

namespace Berth.Access.Tests.Identity;

public sealed class RobotGrantTests
{
    [Theory]
    [InlineData("project", "team", "team", true)]
    [InlineData("project", "team", "other", false)]
    [InlineData("project", "team", "Team", false)]
    [InlineData("project", "*", "anything", true)]
    [InlineData("system", "/", "team", false)]
    [InlineData("system", "*", "team", false)]
    public void Covers_ProjectByNameOrStar(string kind, string ns, string project, bool expected) =>
        Assert.Equal(expected, new RobotGrant(kind, ns, []).Covers(project));

    [Fact]
    public void Allows_ListedPermissionOrAnyActionOnItsResource()
    {
        var grant = new RobotGrant(RobotGrant.ProjectKind, "team",
        [
            new Permission(Resources.Repository, Actions.Pull),
            new Permission(Resources.Artifact, Actions.Any),
        ]);

        Assert.True(grant.Allows(new Permission(Resources.Repository, Actions.Pull)));
        Assert.False(grant.Allows(new Permission(Resources.Repository, Actions.Push)));
        Assert.True(grant.Allows(new Permission(Resources.Artifact, Actions.Delete)));
        Assert.False(grant.Allows(new Permission(Resources.Tag, Actions.Delete)));
    }
}
