namespace Berth.Metadata.Tests.Sqlite;

/// <summary>Project members and their roles (Harbor's ids: projectAdmin 1, developer 2, guest 3, maintainer 4, limitedGuest 5).</summary>
public sealed partial class SqliteProjectStoreTests
{
    private const int ProjectAdmin = 1, Developer = 2, Guest = 3, Maintainer = 4, LimitedGuest = 5;

    [Fact]
    public async Task AddMemberAsync_NewMember_IsListedWithItsRole()
    {
        var alice = await CreateUserAsync("alice");
        var bob = await CreateUserAsync("bob");
        var carol = await CreateUserAsync("carol");
        var project = await CreateAsync("library", alice.Id);

        var added = await Projects.AddMemberAsync(project.Id, carol.Id, Developer, default);
        var guest = await Projects.AddMemberAsync(project.Id, bob.Id, Guest, default);

        Assert.NotNull(added);
        Assert.NotNull(guest);
        Assert.True(added.Id > 0);
        Assert.Equal((project.Id, carol.Id, "carol", Developer), (added.ProjectId, added.UserId, added.Username, added.Role));
        Assert.Equal((bob.Id, "bob", Guest), (guest.UserId, guest.Username, guest.Role));
        var members = await Projects.ListMembersAsync(project.Id, default);
        Assert.Equal(["alice", "bob", "carol"], members.Select(m => m.Username));
        Assert.Equal([ProjectAdmin, Guest, Developer], members.Select(m => m.Role));
        Assert.Equal(added, members[2]);
        Assert.Equal(Developer, await Projects.FindRoleAsync(project.Id, carol.Id, default));
        Assert.Equal(Guest, await Projects.FindRoleAsync(project.Id, bob.Id, default));
    }

    [Fact]
    public async Task AddMemberAsync_AlreadyAMember_IsNullAndKeepsTheRole()
    {
        var alice = await CreateUserAsync("alice");
        var bob = await CreateUserAsync("bob");
        var project = await CreateAsync("library", alice.Id);
        await Projects.AddMemberAsync(project.Id, bob.Id, Guest, default);

        Assert.Null(await Projects.AddMemberAsync(project.Id, bob.Id, Maintainer, default));
        Assert.Null(await Projects.AddMemberAsync(project.Id, alice.Id, LimitedGuest, default));

        Assert.Equal(2, await _db.CountAsync("project_member"));
        Assert.Equal(Guest, await Projects.FindRoleAsync(project.Id, bob.Id, default));
        Assert.Equal(ProjectAdmin, await Projects.FindRoleAsync(project.Id, alice.Id, default));
    }

    [Fact]
    public async Task AddMemberAsync_SameUserInTwoProjects_HasARoleInEach()
    {
        var bob = await CreateUserAsync("bob");
        var first = await CreateAsync("first");
        var second = await CreateAsync("second");

        Assert.NotNull(await Projects.AddMemberAsync(first.Id, bob.Id, Developer, default));
        Assert.NotNull(await Projects.AddMemberAsync(second.Id, bob.Id, Maintainer, default));

        Assert.Equal(Developer, await Projects.FindRoleAsync(first.Id, bob.Id, default));
        Assert.Equal(Maintainer, await Projects.FindRoleAsync(second.Id, bob.Id, default));
    }

    [Fact]
    public async Task FindRoleAsync_NotAMember_IsNull()
    {
        var alice = await CreateUserAsync("alice");
        var bob = await CreateUserAsync("bob");
        var library = await CreateAsync("library", alice.Id);
        var other = await CreateAsync("other", bob.Id);

        Assert.Null(await Projects.FindRoleAsync(library.Id, bob.Id, default));
        Assert.Null(await Projects.FindRoleAsync(other.Id, alice.Id, default));
        Assert.Null(await Projects.FindRoleAsync(other.Id + 1, bob.Id, default));
    }

    [Fact]
    public async Task SetMemberRoleAsync_ChangesThatMemberOnly()
    {
        var alice = await CreateUserAsync("alice");
        var bob = await CreateUserAsync("bob");
        var project = await CreateAsync("library", alice.Id);
        var member = (await Projects.AddMemberAsync(project.Id, bob.Id, Guest, default))!;

        Assert.True(await Projects.SetMemberRoleAsync(project.Id, member.Id, Maintainer, default));

        Assert.Equal(Maintainer, await Projects.FindRoleAsync(project.Id, bob.Id, default));
        Assert.Equal(ProjectAdmin, await Projects.FindRoleAsync(project.Id, alice.Id, default));
        Assert.Equal(Maintainer, (await Projects.ListMembersAsync(project.Id, default)).Single(m => m.Id == member.Id).Role);
    }

    [Fact]
    public async Task SetMemberRoleAsync_MemberOfAnotherProject_IsFalseAndChangesNothing()
    {
        var bob = await CreateUserAsync("bob");
        var library = await CreateAsync("library");
        var other = await CreateAsync("other");
        var member = (await Projects.AddMemberAsync(other.Id, bob.Id, Guest, default))!;

        Assert.False(await Projects.SetMemberRoleAsync(library.Id, member.Id, ProjectAdmin, default));
        Assert.False(await Projects.SetMemberRoleAsync(other.Id, member.Id + 1, ProjectAdmin, default));

        Assert.Equal(Guest, await Projects.FindRoleAsync(other.Id, bob.Id, default));
        Assert.Null(await Projects.FindRoleAsync(library.Id, bob.Id, default));
    }

    [Fact]
    public async Task RemoveMemberAsync_RemovesThatMembershipOnly()
    {
        var alice = await CreateUserAsync("alice");
        var bob = await CreateUserAsync("bob");
        var library = await CreateAsync("library", alice.Id);
        var other = await CreateAsync("other");
        var member = (await Projects.AddMemberAsync(library.Id, bob.Id, Developer, default))!;
        await Projects.AddMemberAsync(other.Id, bob.Id, Guest, default);

        Assert.False(await Projects.RemoveMemberAsync(other.Id, member.Id, default));
        Assert.True(await Projects.RemoveMemberAsync(library.Id, member.Id, default));
        Assert.False(await Projects.RemoveMemberAsync(library.Id, member.Id, default));

        Assert.Null(await Projects.FindRoleAsync(library.Id, bob.Id, default));
        Assert.Equal(Guest, await Projects.FindRoleAsync(other.Id, bob.Id, default));
        Assert.Equal(["alice"], (await Projects.ListMembersAsync(library.Id, default)).Select(m => m.Username));
        Assert.NotNull(await _db.Users.FindAsync(bob.Id, default));
    }

    [Fact]
    public async Task DeletingAUser_RemovesTheirMembershipsAndClearsOwnership()
    {
        var alice = await CreateUserAsync("alice");
        var bob = await CreateUserAsync("bob");
        var library = await CreateAsync("library", alice.Id);
        var other = await CreateAsync("other", bob.Id);
        await Projects.AddMemberAsync(library.Id, bob.Id, Developer, default);
        await Projects.AddMemberAsync(other.Id, alice.Id, Guest, default);

        Assert.True(await _db.Users.DeleteAsync(alice.Id, default));

        Assert.Null(await Projects.FindRoleAsync(library.Id, alice.Id, default));
        Assert.Null(await Projects.FindRoleAsync(other.Id, alice.Id, default));
        Assert.Equal(["bob"], (await Projects.ListMembersAsync(library.Id, default)).Select(m => m.Username));
        Assert.Equal(["bob"], (await Projects.ListMembersAsync(other.Id, default)).Select(m => m.Username));
        Assert.Equal(2, await _db.CountAsync("project_member"));
        var orphaned = (await Projects.FindAsync(library.Id, default))!;
        Assert.Null(orphaned.OwnerId);
        Assert.Null(orphaned.OwnerName);
        Assert.Equal("bob", (await Projects.FindAsync(other.Id, default))!.OwnerName);
    }

    [Fact]
    public async Task DeleteAsync_RemovesTheProjectsMembersButNotTheUsers()
    {
        var alice = await CreateUserAsync("alice");
        var bob = await CreateUserAsync("bob");
        var library = await CreateAsync("library", alice.Id);
        var other = await CreateAsync("other", alice.Id);
        await Projects.AddMemberAsync(library.Id, bob.Id, Developer, default);

        Assert.True(await Projects.DeleteAsync(library.Id, withRepositories: false, default));

        Assert.Empty(await Projects.ListMembersAsync(library.Id, default));
        Assert.Null(await Projects.FindRoleAsync(library.Id, bob.Id, default));
        Assert.Equal(ProjectAdmin, await Projects.FindRoleAsync(other.Id, alice.Id, default));
        Assert.Equal(1, await _db.CountAsync("project_member"));
        Assert.Equal(2, await _db.CountAsync("user_account"));
    }
}
