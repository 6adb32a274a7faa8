using System.Text.Json;
using System.Text.Json.Serialization;
using Berth.Metadata.Immutability;
using Microsoft.Data.Sqlite;
using static Berth.Metadata.Sqlite.SqliteCommands;

namespace Berth.Metadata.Sqlite;

/// <summary>
/// <see cref="IImmutableTagRuleStore"/> on SQLite. The selectors are kept as one JSON text in Harbor's shape, which
/// also makes "same selectors" a plain equality (the unique index), since the text is always written the same way.
/// </summary>
public sealed class SqliteImmutableTagRuleStore(SqliteDatabase database) : IImmutableTagRuleStore
{
    private const string Columns = "SELECT r.id, r.project_id, r.disabled, r.priority, r.selectors FROM immutable_tag_rule r";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<IReadOnlyList<ImmutableTagRuleRecord>> ListAsync(long projectId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"{Columns} WHERE r.project_id = $project ORDER BY r.id;", ("$project", projectId));
        return await command.ReadAllAsync(Read, cancellationToken);
    }

    public async Task<IReadOnlyList<ImmutableTagRuleRecord>> ListAsync(string projectName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"{Columns} JOIN project p ON p.id = r.project_id WHERE p.name = $name ORDER BY r.id;", ("$name", projectName));
        return await command.ReadAllAsync(Read, cancellationToken);
    }

    public Task<(ImmutableRuleChange Change, long Id)> CreateAsync(long projectId, ImmutableTagRuleWrite rule, int limit, CancellationToken cancellationToken) =>
        database.WriteAsync(async transaction =>
        {
            // Counted and checked in the write transaction, so two concurrent creates cannot both pass the limit.
            await using (var count = transaction.Command("SELECT count(*) FROM immutable_tag_rule WHERE project_id = $project;", ("$project", projectId)))
            {
                if ((long)(await count.ExecuteScalarAsync(cancellationToken))! >= limit) return (ImmutableRuleChange.LimitReached, 0L);
            }
            var selectors = Selectors(rule);
            if (await HasSameAsync(transaction, projectId, selectors, exceptId: null, cancellationToken)) return (ImmutableRuleChange.Duplicate, 0L);
            await using var insert = transaction.Command(
                """
                INSERT INTO immutable_tag_rule (project_id, disabled, priority, selectors, created_at, updated_at)
                VALUES ($project, $disabled, $priority, $selectors, $now, $now) RETURNING id;
                """,
                ("$project", projectId), ("$disabled", rule.Disabled), ("$priority", rule.Priority), ("$selectors", selectors), ("$now", Now()));
            return (ImmutableRuleChange.Done, (long)(await insert.ExecuteScalarAsync(cancellationToken))!);
        }, cancellationToken);

    public Task<ImmutableRuleChange> UpdateAsync(long projectId, long id, ImmutableTagRuleWrite rule, CancellationToken cancellationToken) =>
        database.WriteAsync(async transaction =>
        {
            var selectors = Selectors(rule);
            if (await HasSameAsync(transaction, projectId, selectors, exceptId: id, cancellationToken)) return ImmutableRuleChange.Duplicate;
            var updated = await transaction.ChangesAsync(
                """
                UPDATE immutable_tag_rule SET disabled = $disabled, priority = $priority, selectors = $selectors, updated_at = $now
                WHERE id = $id AND project_id = $project;
                """,
                cancellationToken, ("$id", id), ("$project", projectId), ("$disabled", rule.Disabled), ("$priority", rule.Priority),
                ("$selectors", selectors), ("$now", Now()));
            return updated ? ImmutableRuleChange.Done : ImmutableRuleChange.NotFound;
        }, cancellationToken);

    public Task<bool> DeleteAsync(long projectId, long id, CancellationToken cancellationToken) =>
        database.WriteAsync(t => t.ChangesAsync(
            "DELETE FROM immutable_tag_rule WHERE id = $id AND project_id = $project;", cancellationToken, ("$id", id), ("$project", projectId)),
            cancellationToken);

    private static async Task<bool> HasSameAsync(SqliteTransaction transaction, long projectId, string selectors, long? exceptId, CancellationToken cancellationToken)
    {
        await using var find = transaction.Command(
            "SELECT 1 FROM immutable_tag_rule WHERE project_id = $project AND selectors = $selectors AND ($except IS NULL OR id <> $except);",
            ("$project", projectId), ("$selectors", selectors), ("$except", exceptId));
        return await find.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static string Selectors(ImmutableTagRuleWrite rule) =>
        JsonSerializer.Serialize(new StoredSelectors(rule.TagSelectors, new StoredScope(rule.RepositorySelectors)), Json);

    private static ImmutableTagRuleRecord Read(SqliteDataReader r)
    {
        var selectors = JsonSerializer.Deserialize<StoredSelectors>(r.GetString(4), Json)
            ?? throw new InvalidDataException($"immutable tag rule {r.GetInt64(0)} has no selectors");
        return new ImmutableTagRuleRecord(r.GetInt64(0), r.GetInt64(1), r.GetBoolean(2), r.GetInt32(3),
            selectors.TagSelectors, selectors.ScopeSelectors.Repository);
    }

    private sealed record StoredSelectors(
        [property: JsonPropertyName("tag_selectors")] IReadOnlyList<ImmutableSelectorRecord> TagSelectors,
        [property: JsonPropertyName("scope_selectors")] StoredScope ScopeSelectors);

    private sealed record StoredScope([property: JsonPropertyName("repository")] IReadOnlyList<ImmutableSelectorRecord> Repository);
}
