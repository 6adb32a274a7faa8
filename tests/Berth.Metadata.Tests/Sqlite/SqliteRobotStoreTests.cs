using Berth.Metadata.Access;

namespace Berth.Metadata.Tests.Sqlite;

public sealed class SqliteRobotStoreTests : IAsyncLifetime
{
    private const string PullPush =
        """[{"kind":"project","namespace":"library","access":[{"resource":"repository","action":"pull"},{"resource":"repository","action":"push"}]}]""";

    private const string PullOnly =
        """[{"kind":"project","namespace":"library","access":[{"resource":"repository","action":"pull"}]}]""";

    private MetadataDatabase _db = null!;

    public async Task InitializeAsync() => _db = await MetadataDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private IRobotStore Robots => _db.Robots;

    /// <summary>A time SQLite keeps exactly (whole milliseconds).</summary>
    private static readonly DateTimeOffset InThirtyDays = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddDays(30).ToUnixTimeMilliseconds());

    private async Task<long> CreateProjectAsync(string name)
    {
        var project = await _db.Projects.CreateAsync(name, null, new Dictionary<string, string>(), default);
        Assert.NotNull(project);
        return project.Id;
    }

    private static RobotRecord ProjectRobot(long projectId, string project, string name, DateTimeOffset? expiresAt = null) => new(
        0, $"robot${project}+{name}", $"{name} of {project}", "project", projectId, $"secret-of-{name}", 30, expiresAt, false, PullPush,
        default, default);

    private static RobotRecord SystemRobot(string name) => new(
        0, $"robot${name}", "system robot", "system", null, $"secret-of-{name}", -1, null, false,
        """[{"kind":"system","namespace":"/","access":[{"resource":"project","action":"list"}]}]""", default, default);

    private async Task<RobotRecord> CreateAsync(RobotRecord robot)
    {
        var created = await Robots.CreateAsync(robot, default);
        Assert.NotNull(created);
        return created;
    }

    [Fact]
    public async Task CreateAsync_ProjectRobot_IsStoredAsGivenAndFoundByNameAndId()
    {
        var library = await CreateProjectAsync("library");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var robot = await CreateAsync(ProjectRobot(library, "library", "ci", InThirtyDays));

        Assert.True(robot.Id > 0);
        Assert.Equal("robot$library+ci", robot.Name);
        Assert.Equal("ci of library", robot.Description);
        Assert.Equal("project", robot.Level);
        Assert.Equal(library, robot.ProjectId);
        Assert.Equal("secret-of-ci", robot.SecretHash);
        Assert.Equal(30, robot.DurationDays);
        Assert.Equal(InThirtyDays, robot.ExpiresAt);
        Assert.False(robot.Disabled);
        Assert.Equal(PullPush, robot.PermissionsJson);
        Assert.InRange(robot.CreatedAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(robot.CreatedAt, robot.UpdatedAt);
        Assert.Equal(robot, await Robots.FindAsync("robot$library+ci", default));
        Assert.Equal(robot, await Robots.FindAsync(robot.Id, default));
    }

    [Fact]
    public async Task CreateAsync_SystemRobotThatNeverExpires_HasNoProjectAndNoExpiry()
    {
        var robot = await CreateAsync(SystemRobot("scanner"));

        var found = await Robots.FindAsync(robot.Id, default);

        Assert.NotNull(found);
        Assert.Equal("robot$scanner", found.Name);
        Assert.Equal("system", found.Level);
        Assert.Null(found.ProjectId);
        Assert.Null(found.ExpiresAt);
        Assert.Equal(-1, found.DurationDays);
    }

    [Fact]
    public async Task FindAsync_UnknownRobot_IsNull()
    {
        var robot = await CreateAsync(SystemRobot("scanner"));

        Assert.Null(await Robots.FindAsync("robot$other", default));
        Assert.Null(await Robots.FindAsync("scanner", default));
        Assert.Null(await Robots.FindAsync(robot.Id + 1, default));
    }

    [Fact]
    public async Task CreateAsync_TakenName_IsNullAndAddsNoRow()
    {
        var library = await CreateProjectAsync("library");
        var original = await CreateAsync(ProjectRobot(library, "library", "ci"));

        var duplicate = await Robots.CreateAsync(ProjectRobot(library, "library", "ci", InThirtyDays) with { SecretHash = "another" }, default);

        Assert.Null(duplicate);
        Assert.Equal(1, await _db.CountAsync("robot"));
        Assert.Equal(original, await Robots.FindAsync(original.Name, default));
    }

    [Fact]
    public async Task UpdateAsync_ReplacesDescriptionDurationExpiryDisabledAndPermissionsOnly()
    {
        var library = await CreateProjectAsync("library");
        var other = await CreateProjectAsync("other");
        var robot = await CreateAsync(ProjectRobot(library, "library", "ci", InThirtyDays));
        var neighbour = await CreateAsync(ProjectRobot(library, "library", "deploy"));

        var changed = robot with
        {
            Name = "robot$renamed", Level = "system", ProjectId = other, SecretHash = "not-through-update",
            Description = "rotated", DurationDays = -1, ExpiresAt = null, Disabled = true, PermissionsJson = PullOnly,
        };
        Assert.True(await Robots.UpdateAsync(changed, default));

        var updated = (await Robots.FindAsync(robot.Id, default))!;
        Assert.Equal("rotated", updated.Description);
        Assert.Equal(-1, updated.DurationDays);
        Assert.Null(updated.ExpiresAt);
        Assert.True(updated.Disabled);
        Assert.Equal(PullOnly, updated.PermissionsJson);
        Assert.Equal(("robot$library+ci", "project", (long?)library, "secret-of-ci"), (updated.Name, updated.Level, updated.ProjectId, updated.SecretHash));
        Assert.Equal(robot.CreatedAt, updated.CreatedAt);
        Assert.True(updated.UpdatedAt >= robot.UpdatedAt);
        Assert.Equal(neighbour, await Robots.FindAsync(neighbour.Id, default));
    }

    [Fact]
    public async Task UpdateAsync_SetsAnExpiryAndEnablesAgain()
    {
        var robot = await CreateAsync(SystemRobot("scanner") with { Disabled = true });

        Assert.True(await Robots.UpdateAsync(robot with { ExpiresAt = InThirtyDays, DurationDays = 30, Disabled = false }, default));

        var updated = (await Robots.FindAsync(robot.Id, default))!;
        Assert.Equal(InThirtyDays, updated.ExpiresAt);
        Assert.Equal(30, updated.DurationDays);
        Assert.False(updated.Disabled);
    }

    [Fact]
    public async Task UpdateAsync_UnknownRobot_IsFalse()
    {
        var robot = await CreateAsync(SystemRobot("scanner"));

        Assert.False(await Robots.UpdateAsync(robot with { Id = robot.Id + 1, Description = "changed" }, default));

        Assert.Equal(robot, await Robots.FindAsync(robot.Id, default));
    }

    [Fact]
    public async Task SetSecretAsync_ReplacesTheHashOnly()
    {
        var robot = await CreateAsync(SystemRobot("scanner"));
        var other = await CreateAsync(SystemRobot("other"));

        Assert.True(await Robots.SetSecretAsync(robot.Id, "refreshed", default));

        var updated = (await Robots.FindAsync(robot.Id, default))!;
        Assert.Equal("refreshed", updated.SecretHash);
        Assert.Equal(robot with { SecretHash = "refreshed", UpdatedAt = updated.UpdatedAt }, updated);
        Assert.Equal("secret-of-other", (await Robots.FindAsync(other.Id, default))!.SecretHash);
        Assert.False(await Robots.SetSecretAsync(other.Id + 1, "refreshed", default));
    }

    [Fact]
    public async Task DeleteAsync_RemovesOnlyThatRobot()
    {
        var library = await CreateProjectAsync("library");
        var robot = await CreateAsync(ProjectRobot(library, "library", "ci"));
        var other = await CreateAsync(ProjectRobot(library, "library", "deploy"));

        Assert.True(await Robots.DeleteAsync(robot.Id, default));
        Assert.False(await Robots.DeleteAsync(robot.Id, default));

        Assert.Null(await Robots.FindAsync(robot.Id, default));
        Assert.Null(await Robots.FindAsync("robot$library+ci", default));
        Assert.Equal(other, await Robots.FindAsync(other.Id, default));
        Assert.NotNull(await _db.Projects.FindAsync(library, default));
    }

    [Fact]
    public async Task ListAsync_ByProjectAndAll_AreSortedByName()
    {
        var library = await CreateProjectAsync("library");
        var other = await CreateProjectAsync("other");
        await CreateAsync(ProjectRobot(library, "library", "deploy"));
        await CreateAsync(ProjectRobot(other, "other", "ci"));
        await CreateAsync(SystemRobot("scanner"));
        await CreateAsync(ProjectRobot(library, "library", "ci"));

        var ofLibrary = await Robots.ListAsync(library, default);
        var ofOther = await Robots.ListAsync(other, default);
        var all = await Robots.ListAsync(null, default);

        Assert.Equal(["robot$library+ci", "robot$library+deploy"], ofLibrary.Select(r => r.Name));
        Assert.All(ofLibrary, r => Assert.Equal(library, r.ProjectId));
        Assert.Equal(["robot$other+ci"], ofOther.Select(r => r.Name));
        Assert.Equal(["robot$library+ci", "robot$library+deploy", "robot$other+ci", "robot$scanner"], all.Select(r => r.Name));
        Assert.Empty(await Robots.ListAsync(other + 1, default));
    }

    [Fact]
    public async Task DeletingTheProject_DeletesItsRobotsOnly()
    {
        var library = await CreateProjectAsync("library");
        var other = await CreateProjectAsync("other");
        var ci = await CreateAsync(ProjectRobot(library, "library", "ci"));
        await CreateAsync(ProjectRobot(library, "library", "deploy"));
        var kept = await CreateAsync(ProjectRobot(other, "other", "ci"));
        var system = await CreateAsync(SystemRobot("scanner"));

        Assert.True(await _db.Projects.DeleteAsync(library, withRepositories: false, default));

        Assert.Null(await Robots.FindAsync(ci.Id, default));
        Assert.Empty(await Robots.ListAsync(library, default));
        Assert.Equal([kept, system], await Robots.ListAsync(null, default));
        Assert.Equal(2, await _db.CountAsync("robot"));
    }

    [Fact]
    public void IsExpired_ComparesWithTheExpiryInclusively()
    {
        var expires = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var robot = ProjectRobot(1, "library", "ci", expires);

        Assert.False(robot.IsExpired(expires.AddMilliseconds(-1)));
        Assert.True(robot.IsExpired(expires));
        Assert.True(robot.IsExpired(expires.AddDays(1)));
        Assert.False((robot with { ExpiresAt = null }).IsExpired(DateTimeOffset.MaxValue));
    }

    [Fact]
    public async Task IsExpired_OfAStoredRobot_UsesTheStoredExpiry()
    {
        var library = await CreateProjectAsync("library");
        var past = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeMilliseconds());
        var expired = await CreateAsync(ProjectRobot(library, "library", "old", past));
        var current = await CreateAsync(ProjectRobot(library, "library", "new", InThirtyDays));
        var forever = await CreateAsync(SystemRobot("scanner"));
        var now = DateTimeOffset.UtcNow;

        Assert.True((await Robots.FindAsync(expired.Id, default))!.IsExpired(now));
        Assert.False((await Robots.FindAsync(current.Id, default))!.IsExpired(now));
        Assert.True((await Robots.FindAsync(current.Id, default))!.IsExpired(InThirtyDays));
        Assert.False((await Robots.FindAsync(forever.Id, default))!.IsExpired(now.AddYears(100)));
    }
}
