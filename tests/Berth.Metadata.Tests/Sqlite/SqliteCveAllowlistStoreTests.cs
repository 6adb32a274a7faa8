using Berth.Metadata.Access;

namespace Berth.Metadata.Tests.Sqlite;

public sealed class SqliteCveAllowlistStoreTests : IAsyncLifetime
{
    /// <summary>Whole seconds, as Harbor's <c>expires_at</c> carries them.</summary>
    private static readonly DateTimeOffset Expires = DateTimeOffset.FromUnixTimeSeconds(1735689600);

    private MetadataDatabase _db = null!;

    public async Task InitializeAsync() => _db = await MetadataDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private ICveAllowlistStore Allowlists => _db.CveAllowlists;

    private async Task<long> CreateProjectAsync(string name)
    {
        var project = await _db.Projects.CreateAsync(name, null, new Dictionary<string, string>(), default);
        Assert.NotNull(project);
        return project.Id;
    }

    [Fact]
    public async Task FindAsync_NeverSet_IsNull()
    {
        var library = await CreateProjectAsync("library");

        Assert.Null(await Allowlists.FindAsync(CveAllowlist.System, default));
        Assert.Null(await Allowlists.FindAsync(library, default));
    }

    [Fact]
    public async Task SetAsync_ThenFind_GivesBackTheItemsInOrderAndTheExpiry()
    {
        var library = await CreateProjectAsync("library");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await Allowlists.SetAsync(library, Expires, ["CVE-2021-44228", "CVE-2014-0160", "GHSA-jfh8-c2jp-5v3q"], default);

        var list = await Allowlists.FindAsync(library, default);
        Assert.NotNull(list);
        Assert.Equal(library, list.ProjectId);
        Assert.Equal(Expires, list.ExpiresAt);
        Assert.Equal(["CVE-2021-44228", "CVE-2014-0160", "GHSA-jfh8-c2jp-5v3q"], list.Items);
        Assert.InRange(list.CreatedAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(list.CreatedAt, list.UpdatedAt);
    }

    [Fact]
    public async Task SetAsync_NeverExpiringEmptyList_IsStoredAsSuch()
    {
        var library = await CreateProjectAsync("library");

        await Allowlists.SetAsync(library, null, [], default);

        var list = await Allowlists.FindAsync(library, default);
        Assert.NotNull(list);
        Assert.Null(list.ExpiresAt);
        Assert.Empty(list.Items);
    }

    [Fact]
    public async Task SetAsync_Again_OverwritesItemsAndExpiryAndKeepsOneRow()
    {
        var library = await CreateProjectAsync("library");
        await Allowlists.SetAsync(library, Expires, ["CVE-2021-44228", "CVE-2014-0160"], default);
        var first = (await Allowlists.FindAsync(library, default))!;

        await Allowlists.SetAsync(library, null, ["CVE-2023-4863"], default);

        var second = (await Allowlists.FindAsync(library, default))!;
        Assert.Equal(["CVE-2023-4863"], second.Items);
        Assert.Null(second.ExpiresAt);
        Assert.Equal(first.CreatedAt, second.CreatedAt);
        Assert.True(second.UpdatedAt >= first.UpdatedAt);
        Assert.Equal(1, await _db.CountAsync("cve_allowlist"));
    }

    [Fact]
    public async Task SystemList_IsProjectZeroAndSeparateFromProjectLists()
    {
        var library = await CreateProjectAsync("library");

        await Allowlists.SetAsync(CveAllowlist.System, Expires, ["CVE-2021-44228"], default);
        await Allowlists.SetAsync(library, null, ["CVE-2014-0160"], default);

        var system = (await Allowlists.FindAsync(0, default))!;
        Assert.Equal(0, system.ProjectId);
        Assert.Equal(["CVE-2021-44228"], system.Items);
        Assert.Equal(Expires, system.ExpiresAt);
        Assert.Equal(["CVE-2014-0160"], (await Allowlists.FindAsync(library, default))!.Items);
        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT min(project_id) FROM cve_allowlist;"));

        Assert.True(await _db.Projects.DeleteAsync(library, withRepositories: false, default));

        Assert.Null(await Allowlists.FindAsync(library, default));
        Assert.Equal(["CVE-2021-44228"], (await Allowlists.FindAsync(CveAllowlist.System, default))!.Items);
    }

    [Fact]
    public void IsExpired_IsNowAtOrAfterTheExpiry_AndNeverWithoutOne()
    {
        var list = new CveAllowlist(0, Expires, ["CVE-2021-44228"], Expires.AddDays(-30), Expires.AddDays(-30));

        Assert.False(list.IsExpired(Expires.AddSeconds(-1)));
        Assert.True(list.IsExpired(Expires));
        Assert.True(list.IsExpired(Expires.AddSeconds(1)));
        Assert.False((list with { ExpiresAt = null }).IsExpired(DateTimeOffset.MaxValue));
    }

    [Fact]
    public async Task IsExpired_OfAStoredList_UsesTheStoredExpiry()
    {
        await Allowlists.SetAsync(CveAllowlist.System, Expires, ["CVE-2021-44228"], default);

        var stored = (await Allowlists.FindAsync(CveAllowlist.System, default))!;

        Assert.True(stored.IsExpired(DateTimeOffset.UtcNow));
        Assert.False(stored.IsExpired(Expires.AddTicks(-1)));
        Assert.True(stored.IsExpired(Expires));
    }
}
