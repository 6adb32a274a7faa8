using Berth.Access.Identity;
using Berth.Access.Roles;

namespace Berth.Access.Tests.Identity;

public sealed class AccessPolicyTests
{
    private static readonly ProjectAccess PrivateProject = new(1, "team", IsPublic: false, Role: null);
    private static readonly ProjectAccess PublicProject = new(2, "library", IsPublic: true, Role: null);

    private static readonly Principal Admin = Principal.User(1, "admin", isSystemAdmin: true);
    private static readonly Principal Alice = Principal.User(2, "alice", isSystemAdmin: false);

    private static Permission P(string resource, string action) => new(resource, action);

    private static Principal Robot(params RobotGrant[] grants) => Principal.Robot(10, "robot$team+ci", grants);

    private static RobotGrant Grant(string ns, params string[] repositoryActions) =>
        new(RobotGrant.ProjectKind, ns, repositoryActions.Select(a => P(Resources.Repository, a)).ToArray());

    [Theory]
    [InlineData("repository", "delete")]
    [InlineData("metadata", "update")]
    [InlineData("member", "create")]
    [InlineData("log", "list")]
    [InlineData("project", "delete")]
    [InlineData("something-new", "whatever")]
    public void SystemAdmin_NotAMember_MayDoAnything(string resource, string action)
    {
        Assert.True(AccessPolicy.Allows(Admin, PrivateProject, P(resource, action)));
        Assert.True(AccessPolicy.CanSee(Admin, PrivateProject));
    }

    [Theory]
    [InlineData("repository", "pull", true)]
    [InlineData("repository", "list", true)]
    [InlineData("artifact", "read", true)]
    [InlineData("tag", "list", true)]
    [InlineData("repository", "push", false)]
    [InlineData("repository", "delete", false)]
    [InlineData("artifact", "delete", false)]
    [InlineData("tag", "create", false)]
    [InlineData("member", "list", false)]
    public void Anonymous_OnPublicProject_GetsReadOnly(string resource, string action, bool expected) =>
        Assert.Equal(expected, AccessPolicy.Allows(Principal.Anonymous, PublicProject, P(resource, action)));

    [Theory]
    [InlineData("repository", "pull")]
    [InlineData("repository", "list")]
    [InlineData("artifact", "read")]
    [InlineData("project", "read")]
    [InlineData("quota", "read")]
    public void Anonymous_OnPrivateProject_GetsNothing(string resource, string action) =>
        Assert.False(AccessPolicy.Allows(Principal.Anonymous, PrivateProject, P(resource, action)));

    [Fact]
    public void Anonymous_WithARoleRecorded_StillGetsOnlyWhatAPublicProjectGives()
    {
        var project = PrivateProject with { Role = ProjectRole.ProjectAdmin };

        Assert.False(AccessPolicy.Allows(Principal.Anonymous, project, P(Resources.Repository, Actions.Pull)));
    }

    [Theory]
    [InlineData(ProjectRole.ProjectAdmin, "member", "create", true)]
    [InlineData(ProjectRole.Maintainer, "repository", "delete", true)]
    [InlineData(ProjectRole.Maintainer, "metadata", "update", false)]
    [InlineData(ProjectRole.Developer, "repository", "push", true)]
    [InlineData(ProjectRole.Developer, "repository", "delete", false)]
    [InlineData(ProjectRole.Guest, "repository", "pull", true)]
    [InlineData(ProjectRole.Guest, "repository", "push", false)]
    [InlineData(ProjectRole.LimitedGuest, "repository", "pull", true)]
    [InlineData(ProjectRole.LimitedGuest, "member", "list", false)]
    public void Member_OnPrivateProject_GetsWhatTheRoleGrants(ProjectRole role, string resource, string action, bool expected) =>
        Assert.Equal(expected, AccessPolicy.Allows(Alice, PrivateProject with { Role = role }, P(resource, action)));

    [Fact]
    public void Member_OnPublicProject_GetsTheRoleOnTopOfThePublicSet()
    {
        var project = PublicProject with { Role = ProjectRole.Developer };

        Assert.True(AccessPolicy.Allows(Alice, project, P(Resources.Repository, Actions.Push)));
        Assert.True(AccessPolicy.Allows(Alice, project, P(Resources.Repository, Actions.Pull)));
        Assert.False(AccessPolicy.Allows(Alice, project, P(Resources.Repository, Actions.Delete)));
    }

    [Theory]
    [InlineData("repository", "pull")]
    [InlineData("repository", "list")]
    [InlineData("project", "read")]
    public void NonMember_OnPrivateProject_GetsNothing(string resource, string action) =>
        Assert.False(AccessPolicy.Allows(Alice, PrivateProject, P(resource, action)));

    [Fact]
    public void NonMember_OnPublicProject_MayPullButNotPush()
    {
        Assert.True(AccessPolicy.Allows(Alice, PublicProject, P(Resources.Repository, Actions.Pull)));
        Assert.False(AccessPolicy.Allows(Alice, PublicProject, P(Resources.Repository, Actions.Push)));
    }

    [Fact]
    public void Robot_GrantForTheProject_AllowsExactlyItsActions()
    {
        var robot = Robot(Grant("team", Actions.Pull, Actions.Push));

        Assert.True(AccessPolicy.Allows(robot, PrivateProject, P(Resources.Repository, Actions.Pull)));
        Assert.True(AccessPolicy.Allows(robot, PrivateProject, P(Resources.Repository, Actions.Push)));
        Assert.False(AccessPolicy.Allows(robot, PrivateProject, P(Resources.Repository, Actions.Delete)));
        Assert.False(AccessPolicy.Allows(robot, PrivateProject, P(Resources.Artifact, Actions.Read)));
    }

    [Fact]
    public void Robot_GrantForAnotherProject_AllowsNothingHere()
    {
        var robot = Robot(Grant("other", Actions.Pull, Actions.Push));

        Assert.False(AccessPolicy.Allows(robot, PrivateProject, P(Resources.Repository, Actions.Pull)));
        Assert.False(AccessPolicy.CanSee(robot, PrivateProject));
    }

    [Fact]
    public void Robot_GrantForProjectNamePrefix_DoesNotCoverTheLongerName()
    {
        var robot = Robot(Grant("tea", Actions.Pull));

        Assert.False(AccessPolicy.Allows(robot, PrivateProject, P(Resources.Repository, Actions.Pull)));
    }

    [Fact]
    public void Robot_GrantForAllProjects_CoversAnyProject()
    {
        var robot = Robot(Grant(RobotGrant.AllProjects, Actions.Pull, Actions.Push));

        Assert.True(AccessPolicy.Allows(robot, PrivateProject, P(Resources.Repository, Actions.Push)));
        Assert.True(AccessPolicy.Allows(robot, PrivateProject with { ProjectId = 99, ProjectName = "elsewhere" }, P(Resources.Repository, Actions.Push)));
        Assert.False(AccessPolicy.Allows(robot, PrivateProject, P(Resources.Repository, Actions.Delete)));
    }

    [Fact]
    public void Robot_AnyAction_CoversEveryActionOnThatResourceOnly()
    {
        var robot = Robot(Grant("team", Actions.Any));

        Assert.True(AccessPolicy.Allows(robot, PrivateProject, P(Resources.Repository, Actions.Delete)));
        Assert.True(AccessPolicy.Allows(robot, PrivateProject, P(Resources.Repository, Actions.Push)));
        Assert.False(AccessPolicy.Allows(robot, PrivateProject, P(Resources.Artifact, Actions.Delete)));
    }

    [Fact]
    public void Robot_SystemGrant_GivesNoProjectAccess()
    {
        var robot = Robot(new RobotGrant(RobotGrant.SystemKind, "team", [P(Resources.Repository, Actions.Pull)]));

        Assert.False(AccessPolicy.Allows(robot, PrivateProject, P(Resources.Repository, Actions.Pull)));
    }

    [Fact]
    public void Robot_WithoutGrants_IgnoresAnyRoleRecordedForIt()
    {
        var robot = Robot();

        Assert.False(AccessPolicy.Allows(robot, PrivateProject with { Role = ProjectRole.ProjectAdmin }, P(Resources.Repository, Actions.Pull)));
    }

    [Fact]
    public void Robot_OnPublicProject_MayPullLikeEveryone()
    {
        var robot = Robot(Grant("other", Actions.Push));

        Assert.True(AccessPolicy.Allows(robot, PublicProject, P(Resources.Repository, Actions.Pull)));
        Assert.False(AccessPolicy.Allows(robot, PublicProject, P(Resources.Repository, Actions.Push)));
    }

    [Fact]
    public void CanSee_PublicProject_EveryoneCan()
    {
        Assert.True(AccessPolicy.CanSee(Principal.Anonymous, PublicProject));
        Assert.True(AccessPolicy.CanSee(Alice, PublicProject));
    }

    [Fact]
    public void CanSee_PrivateProject_OnlyMembersAdminsAndRobotsThatMayPull()
    {
        Assert.False(AccessPolicy.CanSee(Principal.Anonymous, PrivateProject));
        Assert.False(AccessPolicy.CanSee(Alice, PrivateProject));
        Assert.True(AccessPolicy.CanSee(Alice, PrivateProject with { Role = ProjectRole.LimitedGuest }));
        Assert.True(AccessPolicy.CanSee(Admin, PrivateProject));
        Assert.True(AccessPolicy.CanSee(Robot(Grant("team", Actions.Pull)), PrivateProject));
    }
}
