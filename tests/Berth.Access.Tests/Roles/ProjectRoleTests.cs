using Berth.Access.Roles;

namespace Berth.Access.Tests.Roles;

public sealed class ProjectRoleTests
{
    /// <summary>API clients send Harbor's numbers (src/common/const.go), so the ids are part of the contract.</summary>
    [Theory]
    [InlineData(ProjectRole.ProjectAdmin, 1)]
    [InlineData(ProjectRole.Developer, 2)]
    [InlineData(ProjectRole.Guest, 3)]
    [InlineData(ProjectRole.Maintainer, 4)]
    [InlineData(ProjectRole.LimitedGuest, 5)]
    public void Ids_AreHarbors(ProjectRole role, int id) => Assert.Equal(id, (int)role);
}
