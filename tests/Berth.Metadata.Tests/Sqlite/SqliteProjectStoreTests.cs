using Berth.Metadata.Access;

namespace Berth.Metadata.Tests.Sqlite;

/// <summary>Projects, their metadata, repositories and deletion; members are in the other part of this class.</summary>
public sealed partial class SqliteProjectStoreTests : IAsyncLifetime
{
    private MetadataDatabase _db = null!;

    public async Task InitializeAsync() => _db = await MetadataDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private IProjectStore Projects => _db.Projects;

    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();

    private async Task<ProjectRecord> CreateAsync(string name, long? ownerId = null, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var project = await Projects.CreateAsync(name, ownerId, metadata ?? NoMetadata, default);
        Assert.NotNull(project);
        return project;
    }

    private async Task<UserAccount> CreateUserAsync(string username)
    {
        var user = await _db.Users.CreateAsync(new NewUser(username, $"hash-of-{username}"), default);
        Assert.NotNull(user);
        return user;
    }

    [Fact]
    public async Task CreateAsync_WithMetadataAndOwner_KeepsTheStringsAndMakesTheOwnerProjectAdmin()
    {
        var alice = await CreateUserAsync("alice");
        var metadata = new Dictionary<string, string> { ["public"] = "true", ["severity"] = "High", ["auto_scan"] = "1", ["prevent_vul"] = " false " };

        var project = await CreateAsync("library", alice.Id, metadata);

        Assert.True(project.Id > 0);
        Assert.Equal("library", project.Name);
        Assert.Equal(alice.Id, project.OwnerId);
        Assert.Equal("alice", project.OwnerName);
        Assert.Equal(metadata, project.Metadata);
        Assert.Equal(0, project.RepositoryCount);
        Assert.True(project.IsPublic);
        var member = Assert.Single(await Projects.ListMembersAsync(project.Id, default));
        Assert.Equal((project.Id, alice.Id, "alice", 1), (member.ProjectId, member.UserId, member.Username, member.Role));
        Assert.Equal(1, await Projects.FindRoleAsync(project.Id, alice.Id, default));
        Assert.Equivalent(project, await Projects.FindAsync("library", default), strict: true);
        Assert.Equivalent(project, await Projects.FindAsync(project.Id, default), strict: true);
    }

    [Fact]
    public async Task CreateAsync_WithoutOwner_HasNoMembers()
    {
        var project = await CreateAsync("library");

        Assert.Null(project.OwnerId);
        Assert.Null(project.OwnerName);
        Assert.Empty(project.Metadata);
        Assert.False(project.IsPublic);
        Assert.Empty(await Projects.ListMembersAsync(project.Id, default));
        Assert.Equal(0, await _db.CountAsync("project_member"));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("yes", false)]
    [InlineData("", false)]
    public async Task IsPublic_ReadsHarborsTruthyStrings(string value, bool expected)
    {
        var project = await CreateAsync("library", metadata: new Dictionary<string, string> { ["public"] = value });

        Assert.Equal(value, project.Metadata["public"]);
        Assert.Equal(expected, project.IsPublic);
        Assert.Equal(expected, (await Projects.FindAsync("library", default))!.IsPublic);
    }

    [Fact]
    public async Task CreateAsync_TakenName_IsNullAndChangesNothing()
    {
        var alice = await CreateUserAsync("alice");
        var bob = await CreateUserAsync("bob");
        var original = await CreateAsync("library", alice.Id, new Dictionary<string, string> { ["public"] = "false" });
        var before = await _db.CountRowsAsync();

        var duplicate = await Projects.CreateAsync("library", bob.Id, new Dictionary<string, string> { ["public"] = "true", ["auto_scan"] = "true" }, default);

        Assert.Null(duplicate);
        Assert.Equal(before, await _db.CountRowsAsync());
        var kept = (await Projects.FindAsync("library", default))!;
        Assert.Equal(alice.Id, kept.OwnerId);
        Assert.Equal(original.Metadata, kept.Metadata);
        Assert.Null(await Projects.FindRoleAsync(original.Id, bob.Id, default));
    }

    [Fact]
    public async Task FindAsync_UnknownProject_IsNull()
    {
        var project = await CreateAsync("library");

        Assert.Null(await Projects.FindAsync("other", default));
        Assert.Null(await Projects.FindAsync(project.Id + 1, default));
    }

    [Fact]
    public async Task SetMetadataAsync_AddsAndOverwritesKeysAndKeepsTheOthers()
    {
        var project = await CreateAsync("library", metadata: new Dictionary<string, string> { ["public"] = "false", ["severity"] = "low" });
        var other = await CreateAsync("other", metadata: new Dictionary<string, string> { ["public"] = "false" });

        Assert.True(await Projects.SetMetadataAsync(project.Id, new Dictionary<string, string> { ["public"] = "true", ["auto_scan"] = "true" }, default));

        var updated = (await Projects.FindAsync(project.Id, default))!;
        Assert.Equal(new Dictionary<string, string> { ["public"] = "true", ["severity"] = "low", ["auto_scan"] = "true" }, updated.Metadata);
        Assert.True(updated.IsPublic);
        Assert.True(updated.UpdatedAt >= project.UpdatedAt);
        Assert.Equal(other.Metadata, (await Projects.FindAsync(other.Id, default))!.Metadata);
    }

    [Fact]
    public async Task SetMetadataAsync_UnknownProject_IsFalseAndWritesNothing()
    {
        var project = await CreateAsync("library");

        Assert.False(await Projects.SetMetadataAsync(project.Id + 1, new Dictionary<string, string> { ["public"] = "true" }, default));

        Assert.Equal(0, await _db.CountAsync("project_metadata"));
    }

    [Fact]
    public async Task DeleteMetadataAsync_RemovesOnlyThatKey()
    {
        var project = await CreateAsync("library", metadata: new Dictionary<string, string> { ["public"] = "true", ["severity"] = "low" });

        Assert.True(await Projects.DeleteMetadataAsync(project.Id, "public", default));
        Assert.False(await Projects.DeleteMetadataAsync(project.Id, "public", default));
        Assert.False(await Projects.DeleteMetadataAsync(project.Id, "never_set", default));

        var updated = (await Projects.FindAsync(project.Id, default))!;
        Assert.Equal(new Dictionary<string, string> { ["severity"] = "low" }, updated.Metadata);
        Assert.False(updated.IsPublic);
    }

    [Fact]
    public async Task RepositoryCount_CountsTheRepositoriesInTheProjectOnly()
    {
        var project = await CreateAsync("proj");

        await _db.LinkBlobAsync("proj/app", "layer one");
        await _db.LinkBlobAsync("proj/app", "layer two");
        await _db.LinkBlobAsync("proj/tools/lint", "layer one");
        await _db.LinkBlobAsync("projx/app", "layer one");
        await _db.LinkBlobAsync("other/proj", "layer one");

        Assert.Equal(2, (await Projects.FindAsync(project.Id, default))!.RepositoryCount);
        Assert.Equal(2, (await Projects.FindAsync("proj", default))!.RepositoryCount);
        Assert.Equal(1, (await Projects.FindAsync("projx", default))!.RepositoryCount);
        Assert.Equal(3, await _db.CountAsync("project"));
    }

    [Fact]
    public async Task LinkBlobAsync_IntoMissingProject_CreatesAPrivateProjectWithoutOwner()
    {
        await _db.LinkBlobAsync("fresh/app", "layer one");

        var project = await Projects.FindAsync("fresh", default);

        Assert.NotNull(project);
        Assert.Null(project.OwnerId);
        Assert.Empty(project.Metadata);
        Assert.False(project.IsPublic);
        Assert.Equal(1, project.RepositoryCount);
        Assert.Empty(await Projects.ListMembersAsync(project.Id, default));
    }

    [Fact]
    public async Task DeleteAsync_EmptyProject_RemovesItWithMetadataMembersAndAllowlist()
    {
        var alice = await CreateUserAsync("alice");
        var project = await CreateAsync("library", alice.Id, new Dictionary<string, string> { ["public"] = "true" });
        var other = await CreateAsync("other", alice.Id, new Dictionary<string, string> { ["public"] = "false" });
        await _db.CveAllowlists.SetAsync(project.Id, null, ["CVE-2021-44228"], default);
        await _db.CveAllowlists.SetAsync(other.Id, null, ["CVE-2022-0001"], default);

        Assert.True(await Projects.DeleteAsync(project.Id, withRepositories: false, default));

        Assert.Null(await Projects.FindAsync(project.Id, default));
        Assert.Null(await Projects.FindAsync("library", default));
        Assert.Null(await _db.CveAllowlists.FindAsync(project.Id, default));
        Assert.NotNull(await _db.CveAllowlists.FindAsync(other.Id, default));
        Assert.Equal(1, await _db.CountAsync("project"));
        Assert.Equal(1, await _db.CountAsync("project_metadata"));
        Assert.Equal(1, await _db.CountAsync("project_member"));
        Assert.Equal(1, await _db.CountAsync("user_account"));
        Assert.False(await Projects.DeleteAsync(project.Id, withRepositories: true, default));
    }

    [Fact]
    public async Task DeleteAsync_WithRepositoriesNotAsked_IsRefusedAndRemovesNothing()
    {
        var alice = await CreateUserAsync("alice");
        var project = await CreateAsync("proj", alice.Id, new Dictionary<string, string> { ["public"] = "true" });
        await _db.PushImageAsync("proj/app", "v1", "one");
        await _db.CveAllowlists.SetAsync(project.Id, null, ["CVE-2021-44228"], default);
        var before = await _db.CountRowsAsync();

        Assert.False(await Projects.DeleteAsync(project.Id, withRepositories: false, default));

        Assert.Equal(before, await _db.CountRowsAsync());
        Assert.Equal(1, (await Projects.FindAsync(project.Id, default))!.RepositoryCount);
        Assert.NotNull(await _db.Metadata.FindManifestAsync("proj/app", "v1", default));
    }

    [Fact]
    public async Task DeleteAsync_WithRepositories_RemovesThemWithTheirArtifactsTagsAndLinks()
    {
        var project = await CreateAsync("proj");
        var one = await _db.PushImageAsync("proj/app", "v1", "one");
        await _db.PushImageAsync("proj/tools/lint", "latest", "lint");
        var kept = await _db.PushImageAsync("keep/app", "v1", "kept");

        Assert.True(await Projects.DeleteAsync(project.Id, withRepositories: true, default));

        Assert.Null(await Projects.FindAsync("proj", default));
        Assert.False(await _db.Metadata.RepositoryExistsAsync("proj/app", default));
        Assert.False(await _db.Metadata.RepositoryExistsAsync("proj/tools/lint", default));
        Assert.Null(await _db.Metadata.FindManifestAsync("proj/app", one.Digest.ToString(), default));
        var rows = await _db.CountRowsAsync();
        Assert.Equal(1, rows["project"]);
        Assert.Equal(1, rows["repository"]);
        Assert.Equal(1, rows["artifact"]);
        Assert.Equal(1, rows["tag"]);
        Assert.Equal(2, rows["artifact_blob"]);
        Assert.Equal(2, rows["repository_blob"]);
        Assert.Equal(6, rows["blob"]); // blobs are global; garbage collection removes them, not the project
        Assert.Equal(kept.Digest, (await _db.Metadata.FindManifestAsync("keep/app", "v1", default))!.Digest);
        Assert.Equal(["keep/app"], await _db.Metadata.ListRepositoriesAsync(null, null, default));
    }

    [Fact]
    public async Task ListAsync_ReturnsEveryProjectByNameWithItsMetadataAndCounts()
    {
        var alice = await CreateUserAsync("alice");
        await CreateAsync("zeta", alice.Id, new Dictionary<string, string> { ["public"] = "1", ["severity"] = "critical" });
        await CreateAsync("alpha");
        await CreateAsync("mid", metadata: new Dictionary<string, string> { ["auto_scan"] = "true" });
        await _db.LinkBlobAsync("mid/app", "layer");
        await _db.LinkBlobAsync("mid/web", "layer");

        var projects = await Projects.ListAsync(default);

        Assert.Equal(["alpha", "mid", "zeta"], projects.Select(p => p.Name));
        Assert.Empty(projects[0].Metadata);
        Assert.Equal(new Dictionary<string, string> { ["auto_scan"] = "true" }, projects[1].Metadata);
        Assert.Equal(new Dictionary<string, string> { ["public"] = "1", ["severity"] = "critical" }, projects[2].Metadata);
        Assert.Equal([0, 2, 0], projects.Select(p => p.RepositoryCount));
        Assert.Equal([false, false, true], projects.Select(p => p.IsPublic));
        Assert.Equal("alice", projects[2].OwnerName);
        foreach (var project in projects) Assert.Equivalent(await Projects.FindAsync(project.Id, default), project, strict: true);
    }

    [Fact]
    public async Task ListAsync_NoProjects_IsEmpty()
    {
        Assert.Empty(await Projects.ListAsync(default));
    }
}
