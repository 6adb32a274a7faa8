using System.Collections.Concurrent;
using Berth.Core;
using Berth.Metadata.Immutability;

namespace Berth.Policy.Immutability;

/// <summary>
/// The compiled rules of each project, cached by project name so a push or delete reads the database for them at most
/// once per <see cref="Lifetime"/>: the rules API calls <see cref="Forget"/> on every change, and the lifetime only
/// bounds how long a cached answer can outlive a project deleted and created again under the same name.
/// </summary>
public sealed class ImmutableTagRules(IImmutableTagRuleStore store, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Entry> _projects = new(StringComparer.Ordinal);

    // Moves on every Forget(): a read that overlapped a change does not cache what it read, which may predate the change.
    private long _changes;

    /// <summary>The enabled rules of the project with that name (empty when it has none, or does not exist).</summary>
    public async ValueTask<ImmutableTagRuleSet> ForProjectAsync(string project, CancellationToken cancellationToken)
    {
        var now = time.GetTimestamp();
        if (_projects.TryGetValue(project, out var cached) && time.GetElapsedTime(cached.LoadedAt, now) < Lifetime) return cached.Rules;
        var changes = Interlocked.Read(ref _changes);
        var rules = ImmutableTagRuleSet.From(await store.ListAsync(project, cancellationToken));
        if (Interlocked.Read(ref _changes) == changes) _projects[project] = new Entry(rules, now);
        return rules;
    }

    /// <summary>
    /// Which tags of the repository (its full name, <c>proj/team/app</c>) are immutable now; null when the project has no
    /// enabled rule, so a caller can skip reading the tags it would test.
    /// </summary>
    public async ValueTask<Func<string, bool>?> ForRepositoryAsync(string repository, CancellationToken cancellationToken)
    {
        var rules = await ForProjectAsync(ProjectName.Of(repository), cancellationToken);
        if (rules.IsEmpty) return null;
        var path = ImmutableTagMessages.RepositoryInProject(repository);
        return tag => rules.IsImmutable(path, tag);
    }

    /// <summary>Whether <paramref name="tag"/> of the repository (its full name, <c>proj/team/app</c>) is immutable now.</summary>
    public async ValueTask<bool> IsImmutableAsync(string repository, string tag, CancellationToken cancellationToken) =>
        await ForRepositoryAsync(repository, cancellationToken) is { } immutable && immutable(tag);

    /// <summary>The first of <paramref name="tags"/> that is immutable in the repository, or null.</summary>
    public async ValueTask<string?> FirstImmutableAsync(string repository, IEnumerable<string> tags, CancellationToken cancellationToken) =>
        await ForRepositoryAsync(repository, cancellationToken) is { } immutable ? tags.FirstOrDefault(immutable) : null;

    /// <summary>Drops the cached rules of the project after a change to them.</summary>
    public void Forget(string project)
    {
        Interlocked.Increment(ref _changes);
        _projects.TryRemove(project, out _);
    }

    private sealed record Entry(ImmutableTagRuleSet Rules, long LoadedAt);
}
