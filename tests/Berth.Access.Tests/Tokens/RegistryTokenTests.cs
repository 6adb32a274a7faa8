using Berth.Access.Tokens;

namespace Berth.Access.Tests.Tokens;

public sealed class RegistryTokenTests
{
    private static RegistryToken With(params AccessEntry[] access) => new("alice", DateTimeOffset.UnixEpoch, access);

    [Fact]
    public void Grants_OnlyListedActionsOnTheNamedResource()
    {
        var token = With(new AccessEntry("repository", "team/app", ["pull"]));

        Assert.True(token.Grants("repository", "team/app", "pull"));
        Assert.False(token.Grants("repository", "team/app", "push"));
        Assert.False(token.Grants("repository", "team/other", "pull"));
        Assert.False(token.Grants("repository", "team/app/sub", "pull"));
        Assert.False(token.Grants("registry", "team/app", "pull"));
    }

    [Fact]
    public void Grants_StarAction_CoversAnyAction()
    {
        var token = With(new AccessEntry("registry", "catalog", ["*"]));

        Assert.True(token.Grants("registry", "catalog", "read"));
        Assert.False(token.Grants("registry", "other", "read"));
    }

    [Fact]
    public void Grants_EmptyActions_GrantNothing() =>
        Assert.False(With(new AccessEntry("repository", "team/app", [])).Grants("repository", "team/app", "pull"));
}
