using Berth.Metadata.Access;

namespace Berth.Metadata.Tests.Sqlite;

public sealed class SqliteUserStoreTests : IAsyncLifetime
{
    private MetadataDatabase _db = null!;

    public async Task InitializeAsync() => _db = await MetadataDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private IUserStore Users => _db.Users;

    private Task<UserAccount> CreateAsync(string username, bool sysAdmin = false) =>
        CreateAsync(new NewUser(username, $"hash-of-{username}", SysAdmin: sysAdmin));

    private async Task<UserAccount> CreateAsync(NewUser user)
    {
        var created = await Users.CreateAsync(user, default);
        Assert.NotNull(created);
        return created;
    }

    [Fact]
    public async Task CreateAsync_NewUser_IsStoredAsGivenAndFoundByNameAndId()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var alice = await CreateAsync(new NewUser("alice", "hash-1", "alice@example.com", "Alice Liddell", "first user"));

        Assert.True(alice.Id > 0);
        Assert.Equal("alice", alice.Username);
        Assert.Equal("alice@example.com", alice.Email);
        Assert.Equal("Alice Liddell", alice.Realname);
        Assert.Equal("first user", alice.Comment);
        Assert.Equal("hash-1", alice.PasswordHash);
        Assert.Equal(1, alice.PasswordVersion);
        Assert.False(alice.SysAdmin);
        Assert.False(alice.Disabled);
        Assert.InRange(alice.CreatedAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(alice.CreatedAt, alice.UpdatedAt);
        Assert.Equal(alice, await Users.FindAsync("alice", default));
        Assert.Equal(alice, await Users.FindAsync(alice.Id, default));
    }

    [Fact]
    public async Task FindAsync_UnknownUser_IsNull()
    {
        var alice = await CreateAsync("alice");

        Assert.Null(await Users.FindAsync("bob", default));
        Assert.Null(await Users.FindAsync("Alice ", default));
        Assert.Null(await Users.FindAsync(alice.Id + 1, default));
    }

    [Fact]
    public async Task CreateAsync_TakenUsername_IsNullAndAddsNoRow()
    {
        var alice = await CreateAsync("alice");

        var duplicate = await Users.CreateAsync(new NewUser("alice", "other-hash", "other@example.com", SysAdmin: true), default);

        Assert.Null(duplicate);
        Assert.Equal(1, await _db.CountAsync("user_account"));
        Assert.Equal(alice, await Users.FindAsync("alice", default));
    }

    [Fact]
    public async Task CreateAsync_SysAdmin_IsStoredAsSysAdmin()
    {
        var admin = await CreateAsync("admin", sysAdmin: true);

        Assert.True(admin.SysAdmin);
        Assert.True((await Users.FindAsync("admin", default))!.SysAdmin);
    }

    [Fact]
    public async Task SetPasswordAsync_ReplacesTheHashAndBumpsTheVersion()
    {
        var alice = await CreateAsync("alice");
        var bob = await CreateAsync("bob");

        Assert.True(await Users.SetPasswordAsync(alice.Id, "hash-2", default));
        Assert.True(await Users.SetPasswordAsync(alice.Id, "hash-3", default));

        var changed = (await Users.FindAsync(alice.Id, default))!;
        Assert.Equal("hash-3", changed.PasswordHash);
        Assert.Equal(3, changed.PasswordVersion);
        Assert.True(changed.UpdatedAt >= alice.UpdatedAt);
        Assert.Equal(bob, await Users.FindAsync(bob.Id, default));
    }

    [Fact]
    public async Task SetPasswordAsync_UnknownUser_IsFalse()
    {
        var alice = await CreateAsync("alice");

        Assert.False(await Users.SetPasswordAsync(alice.Id + 1, "hash-2", default));
        Assert.Equal(alice, await Users.FindAsync(alice.Id, default));
    }

    [Fact]
    public async Task UpdateProfileAsync_ReplacesEmailRealnameAndCommentOnly()
    {
        var alice = await CreateAsync(new NewUser("alice", "hash-1", "old@example.com", "Old", "old comment"));

        Assert.True(await Users.UpdateProfileAsync(alice.Id, "new@example.com", "Alice New", "new comment", default));

        var updated = (await Users.FindAsync(alice.Id, default))!;
        Assert.Equal("new@example.com", updated.Email);
        Assert.Equal("Alice New", updated.Realname);
        Assert.Equal("new comment", updated.Comment);
        Assert.Equal("alice", updated.Username);
        Assert.Equal("hash-1", updated.PasswordHash);
        Assert.Equal(1, updated.PasswordVersion);
        Assert.False(await Users.UpdateProfileAsync(alice.Id + 1, "x@example.com", "X", "", default));
    }

    [Fact]
    public async Task SetSysAdminAsync_GrantsAndRevokes()
    {
        var alice = await CreateAsync("alice");
        var bob = await CreateAsync("bob");

        Assert.True(await Users.SetSysAdminAsync(alice.Id, true, default));
        Assert.True((await Users.FindAsync(alice.Id, default))!.SysAdmin);
        Assert.False((await Users.FindAsync(bob.Id, default))!.SysAdmin);

        Assert.True(await Users.SetSysAdminAsync(alice.Id, false, default));
        Assert.False((await Users.FindAsync(alice.Id, default))!.SysAdmin);
        Assert.False(await Users.SetSysAdminAsync(bob.Id + 1, true, default));
    }

    [Fact]
    public async Task SetDisabledAsync_DisablesAndEnables()
    {
        var alice = await CreateAsync("alice");
        var bob = await CreateAsync("bob");

        Assert.True(await Users.SetDisabledAsync(alice.Id, true, default));
        Assert.True((await Users.FindAsync("alice", default))!.Disabled);
        Assert.False((await Users.FindAsync("bob", default))!.Disabled);

        Assert.True(await Users.SetDisabledAsync(alice.Id, false, default));
        Assert.False((await Users.FindAsync("alice", default))!.Disabled);
        Assert.False(await Users.SetDisabledAsync(bob.Id + 1, true, default));
    }

    [Fact]
    public async Task DeleteAsync_RemovesOnlyThatUser()
    {
        var alice = await CreateAsync("alice");
        var bob = await CreateAsync("bob");

        Assert.True(await Users.DeleteAsync(alice.Id, default));

        Assert.Null(await Users.FindAsync(alice.Id, default));
        Assert.Null(await Users.FindAsync("alice", default));
        Assert.Equal(bob, await Users.FindAsync(bob.Id, default));
        Assert.Equal(1, await _db.CountAsync("user_account"));
        Assert.False(await Users.DeleteAsync(alice.Id, default));
    }

    [Fact]
    public async Task DeleteAsync_ThenCreateAgain_IsANewUser()
    {
        var first = await CreateAsync("alice");
        await Users.SetPasswordAsync(first.Id, "hash-2", default);
        await Users.DeleteAsync(first.Id, default);

        var second = await CreateAsync("alice");

        Assert.Equal(1, second.PasswordVersion);
        Assert.Equal("hash-of-alice", second.PasswordHash);
    }

    [Fact]
    public async Task ListAsync_NoFilter_PagesByNameWithTheTotal()
    {
        foreach (var name in new[] { "dave", "alice", "erin", "carol", "bob" }) await CreateAsync(name);

        var (all, allTotal) = await Users.ListAsync(null, 0, 100, default);
        var (page, pageTotal) = await Users.ListAsync(null, 1, 2, default);
        var (beyond, beyondTotal) = await Users.ListAsync(null, 10, 2, default);

        Assert.Equal(["alice", "bob", "carol", "dave", "erin"], all.Select(u => u.Username));
        Assert.Equal(5, allTotal);
        Assert.Equal(["bob", "carol"], page.Select(u => u.Username));
        Assert.Equal(5, pageTotal);
        Assert.Empty(beyond);
        Assert.Equal(5, beyondTotal);
    }

    [Fact]
    public async Task ListAsync_NameFilter_MatchesAnywhereInTheNameAndCountsOnlyMatches()
    {
        foreach (var name in new[] { "anna", "hannah", "bob", "joanne", "carol" }) await CreateAsync(name);

        var (page, total) = await Users.ListAsync("ann", 0, 2, default);
        var (rest, restTotal) = await Users.ListAsync("ann", 2, 2, default);
        var (none, noneTotal) = await Users.ListAsync("zed", 0, 10, default);

        Assert.Equal(["anna", "hannah"], page.Select(u => u.Username));
        Assert.Equal(3, total);
        Assert.Equal(["joanne"], rest.Select(u => u.Username));
        Assert.Equal(3, restTotal);
        Assert.Empty(none);
        Assert.Equal(0, noneTotal);
    }

    [Fact]
    public async Task ListAsync_NameFilterWithLikeWildcards_MatchesThemLiterally()
    {
        foreach (var name in new[] { "ci_bot", "cixbot", "100%", "1000", @"dom\\svc", @"dom\svc" }) await CreateAsync(name);

        var (underscore, underscoreTotal) = await Users.ListAsync("i_b", 0, 10, default);
        var (percent, percentTotal) = await Users.ListAsync("0%", 0, 10, default);
        var (backslash, backslashTotal) = await Users.ListAsync(@"m\\s", 0, 10, default);

        Assert.Equal(["ci_bot"], underscore.Select(u => u.Username));
        Assert.Equal(1, underscoreTotal);
        Assert.Equal(["100%"], percent.Select(u => u.Username));
        Assert.Equal(1, percentTotal);
        Assert.Equal([@"dom\\svc"], backslash.Select(u => u.Username));
        Assert.Equal(1, backslashTotal);
    }
}
