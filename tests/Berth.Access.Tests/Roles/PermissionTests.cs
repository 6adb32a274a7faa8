using Berth.Access.Roles;

namespace Berth.Access.Tests.Roles;

public sealed class PermissionTests
{
    [Fact]
    public void ToString_IsResourceColonAction() =>
        Assert.Equal("repository:pull", new Permission(Resources.Repository, Actions.Pull).ToString());

    [Fact]
    public void Equality_IsByValue()
    {
        Assert.Equal(new Permission("tag", "list"), new Permission("tag", "list"));
        Assert.NotEqual(new Permission("tag", "list"), new Permission("tag", "create"));
        Assert.NotEqual(new Permission("tag", "list"), new Permission("Tag", "list"));
    }
}
