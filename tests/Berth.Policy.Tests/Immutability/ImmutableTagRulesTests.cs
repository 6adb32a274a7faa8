using Berth.Metadata.Immutability;
using Berth.Metadata.Sqlite;
using Berth.Policy.Immutability;

namespace Berth.Policy.Tests.Immutability;

/// <summary>The stored rules (real SQLite) and the per-project cache over them.</summary>
public sealed class ImmutableTagRulesTests : IAsyncLifetime
{
    private PolicyDatabase _db = null!;
    private SqliteImmutableTagRuleStore _store = null!;
    private readonly ManualTime _time = new();

    private static readonly ImmutableTagRuleWrite ReleasesEverywhere =
        new(false, 0, [new("doublestar", "matches", "v*")], [new("doublestar", "repoMatches", "**")]);

    public async Task InitializeAsync()
    {
        _db = await PolicyDatabase.CreateAsync();
        _store = new SqliteImmutableTagRuleStore(_db.Database);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Store_KeepsSelectorsInHarborsShape_AndListsByIdOrName()
    {
        var project = await _db.CreateProjectAsync("shop");
        var (change, id) = await _store.CreateAsync(project.Id, ReleasesEverywhere with { Priority = 3 }, 15, default);

        Assert.Equal(ImmutableRuleChange.Done, change);
        var byId = Assert.Single(await _store.ListAsync(project.Id, default));
        var byName = Assert.Single(await _store.ListAsync("shop", default));
        Assert.Equal(id, byId.Id);
        Assert.Equal(byId.Id, byName.Id);
        Assert.Equal(3, byId.Priority);
        Assert.Equal(new ImmutableSelectorRecord("doublestar", "matches", "v*"), Assert.Single(byId.TagSelectors));
        Assert.Equal(new ImmutableSelectorRecord("doublestar", "repoMatches", "**"), Assert.Single(byId.RepositorySelectors));
        Assert.Empty(await _store.ListAsync("nowhere", default));
    }

    [Fact]
    public async Task Store_RefusesDuplicatesAndMoreThanTheLimit_WithoutAddingRows()
    {
        var project = await _db.CreateProjectAsync("limited");
        Assert.Equal(ImmutableRuleChange.Done, (await _store.CreateAsync(project.Id, ReleasesEverywhere, 2, default)).Change);

        Assert.Equal(ImmutableRuleChange.Duplicate, (await _store.CreateAsync(project.Id, ReleasesEverywhere with { Disabled = true }, 2, default)).Change);
        var second = ReleasesEverywhere with { TagSelectors = [new("doublestar", "matches", "stable")] };
        Assert.Equal(ImmutableRuleChange.Done, (await _store.CreateAsync(project.Id, second, 2, default)).Change);
        var third = ReleasesEverywhere with { TagSelectors = [new("doublestar", "matches", "lts")] };
        Assert.Equal(ImmutableRuleChange.LimitReached, (await _store.CreateAsync(project.Id, third, 2, default)).Change);

        Assert.Equal(2, (await _store.ListAsync(project.Id, default)).Count);
    }

    [Fact]
    public async Task Store_UpdatesAndDeletesOnlyWithinTheProject()
    {
        var mine = await _db.CreateProjectAsync("mine");
        var theirs = await _db.CreateProjectAsync("theirs");
        var (_, id) = await _store.CreateAsync(mine.Id, ReleasesEverywhere, 15, default);

        Assert.Equal(ImmutableRuleChange.NotFound, await _store.UpdateAsync(theirs.Id, id, ReleasesEverywhere with { Disabled = true }, default));
        Assert.False(await _store.DeleteAsync(theirs.Id, id, default));
        Assert.False(Assert.Single(await _store.ListAsync(mine.Id, default)).Disabled);

        Assert.Equal(ImmutableRuleChange.Done, await _store.UpdateAsync(mine.Id, id, ReleasesEverywhere with { Disabled = true }, default));
        Assert.True(Assert.Single(await _store.ListAsync(mine.Id, default)).Disabled);
        Assert.True(await _store.DeleteAsync(mine.Id, id, default));
        Assert.Empty(await _store.ListAsync(mine.Id, default));
    }

    [Fact]
    public async Task Store_UpdateToAnotherRulesSelectors_IsDuplicate()
    {
        var project = await _db.CreateProjectAsync("twins");
        await _store.CreateAsync(project.Id, ReleasesEverywhere, 15, default);
        var other = ReleasesEverywhere with { TagSelectors = [new("doublestar", "matches", "stable")] };
        var (_, otherId) = await _store.CreateAsync(project.Id, other, 15, default);

        Assert.Equal(ImmutableRuleChange.Duplicate, await _store.UpdateAsync(project.Id, otherId, ReleasesEverywhere, default));
        Assert.Equal(ImmutableRuleChange.Done, await _store.UpdateAsync(project.Id, otherId, other with { Priority = 5 }, default));
    }

    [Fact]
    public async Task Cache_KeepsAnswersUntilForgotten()
    {
        var project = await _db.CreateProjectAsync("cached");
        var rules = new ImmutableTagRules(_store, _time);
        Assert.False(await rules.IsImmutableAsync("cached/app", "v1", default));

        var (_, id) = await _store.CreateAsync(project.Id, ReleasesEverywhere, 15, default);
        // The empty answer is cached: the store's change is not seen until the project's rules are forgotten.
        Assert.False(await rules.IsImmutableAsync("cached/app", "v1", default));
        rules.Forget("cached");
        Assert.True(await rules.IsImmutableAsync("cached/app", "v1", default));
        Assert.False(await rules.IsImmutableAsync("cached/app", "latest", default));
        Assert.Equal("v2", await rules.FirstImmutableAsync("cached/team/app", ["latest", "v2", "v3"], default));

        await _store.DeleteAsync(project.Id, id, default);
        rules.Forget("cached");
        Assert.False(await rules.IsImmutableAsync("cached/app", "v1", default));
    }

    [Fact]
    public async Task Cache_ReadsAgainAfterItsLifetime()
    {
        var project = await _db.CreateProjectAsync("aging");
        var rules = new ImmutableTagRules(_store, _time);
        Assert.False(await rules.IsImmutableAsync("aging/app", "v1", default));
        await _store.CreateAsync(project.Id, ReleasesEverywhere, 15, default);

        _time.Advance(ImmutableTagRules.Lifetime - TimeSpan.FromSeconds(1));
        Assert.False(await rules.IsImmutableAsync("aging/app", "v1", default));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await rules.IsImmutableAsync("aging/app", "v1", default));
    }

    /// <summary>A clock tests move by hand.</summary>
    private sealed class ManualTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
