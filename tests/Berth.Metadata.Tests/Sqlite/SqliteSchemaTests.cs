namespace Berth.Metadata.Tests.Sqlite;

/// <summary>Migrations applied to files written by an older Berth.</summary>
public sealed class SqliteSchemaTests : IAsyncLifetime
{
    /// <summary>Migration 1 exactly as released (copied from SqliteSchema.cs); it must never change.</summary>
    private const string Version1 =
        """
        CREATE TABLE repository (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            created_at INTEGER NOT NULL
        );
        CREATE TABLE blob (
            digest TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            created_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE repository_blob (
            repository_id INTEGER NOT NULL REFERENCES repository(id) ON DELETE CASCADE,
            digest TEXT NOT NULL REFERENCES blob(digest),
            created_at INTEGER NOT NULL,
            PRIMARY KEY (repository_id, digest)
        ) WITHOUT ROWID;
        CREATE TABLE artifact (
            id INTEGER PRIMARY KEY,
            repository_id INTEGER NOT NULL REFERENCES repository(id) ON DELETE CASCADE,
            digest TEXT NOT NULL,
            media_type TEXT NOT NULL,
            artifact_type TEXT,
            size INTEGER NOT NULL,
            content BLOB NOT NULL,
            subject_digest TEXT,
            annotations TEXT,
            pushed_at INTEGER NOT NULL,
            UNIQUE (repository_id, digest)
        );
        CREATE INDEX artifact_subject ON artifact(repository_id, subject_digest) WHERE subject_digest IS NOT NULL;
        CREATE TABLE artifact_blob (
            artifact_id INTEGER NOT NULL REFERENCES artifact(id) ON DELETE CASCADE,
            digest TEXT NOT NULL,
            PRIMARY KEY (artifact_id, digest)
        ) WITHOUT ROWID;
        CREATE INDEX artifact_blob_digest ON artifact_blob(digest);
        CREATE TABLE artifact_child (
            artifact_id INTEGER NOT NULL REFERENCES artifact(id) ON DELETE CASCADE,
            child_digest TEXT NOT NULL,
            PRIMARY KEY (artifact_id, child_digest)
        ) WITHOUT ROWID;
        CREATE TABLE tag (
            repository_id INTEGER NOT NULL REFERENCES repository(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            artifact_id INTEGER NOT NULL REFERENCES artifact(id) ON DELETE CASCADE,
            pushed_at INTEGER NOT NULL,
            PRIMARY KEY (repository_id, name)
        );
        CREATE INDEX tag_artifact ON tag(artifact_id);
        PRAGMA user_version = 1;
        """;

    private MetadataDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = MetadataDatabase.CreateUnmigrated();
        await _db.ExecuteAsync(Version1);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Migration2_RepositoriesFromVersion1_LandInPrivateProjectsOfTheirFirstComponent()
    {
        await _db.ExecuteAsync(
            """
            INSERT INTO repository (name, created_at) VALUES ('a/x', 1000), ('a/y', 2000), ('b', 3000);
            INSERT INTO blob (digest, size, created_at) VALUES ('sha256:0000', 4, 1000);
            INSERT INTO repository_blob (repository_id, digest, created_at) SELECT id, 'sha256:0000', 1000 FROM repository;
            """);

        await _db.Database.MigrateAsync(default);

        Assert.True(await _db.ScalarAsync<long>("PRAGMA user_version;") >= 2);
        var projects = await _db.Projects.ListAsync(default);
        Assert.Equal(["a", "b"], projects.Select(p => p.Name));
        Assert.Equal([2, 1], projects.Select(p => p.RepositoryCount));
        Assert.All(projects, p => Assert.Null(p.OwnerId));
        Assert.All(projects, p => Assert.False(p.IsPublic));
        var a = projects[0].Id;
        var b = projects[1].Id;
        Assert.Equal(a, await _db.ScalarAsync<long>("SELECT project_id FROM repository WHERE name = 'a/x';"));
        Assert.Equal(a, await _db.ScalarAsync<long>("SELECT project_id FROM repository WHERE name = 'a/y';"));
        Assert.Equal(b, await _db.ScalarAsync<long>("SELECT project_id FROM repository WHERE name = 'b';"));
        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT count(*) FROM repository WHERE project_id IS NULL;"));
        Assert.Equal(3, await _db.CountAsync("repository_blob"));
        Assert.Equal(0, await _db.CountAsync("project_member"));
    }

    [Fact]
    public async Task Migration2_AfterwardsNewRepositoriesJoinTheMigratedProject()
    {
        await _db.ExecuteAsync("INSERT INTO repository (name, created_at) VALUES ('a/x', 1000);");
        await _db.Database.MigrateAsync(default);

        await _db.LinkBlobAsync("a/z", "layer");

        var project = Assert.Single(await _db.Projects.ListAsync(default));
        Assert.Equal("a", project.Name);
        Assert.Equal(2, project.RepositoryCount);
    }

    [Fact]
    public async Task Migration2_EmptyVersion1File_CreatesNoProjects()
    {
        await _db.Database.MigrateAsync(default);

        Assert.True(await _db.ScalarAsync<long>("PRAGMA user_version;") >= 2);
        Assert.Empty(await _db.Projects.ListAsync(default));
    }
}
