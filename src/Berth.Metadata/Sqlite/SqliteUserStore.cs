using Berth.Metadata.Access;
using Microsoft.Data.Sqlite;
using static Berth.Metadata.Sqlite.SqliteCommands;

namespace Berth.Metadata.Sqlite;

/// <summary><see cref="IUserStore"/> on SQLite.</summary>
public sealed class SqliteUserStore(SqliteDatabase database) : IUserStore
{
    private const string Columns =
        "id, username, email, realname, comment, password_hash, password_version, sysadmin, disabled, created_at, updated_at";

    public Task<UserAccount?> FindAsync(string username, CancellationToken cancellationToken) =>
        FindOneAsync($"SELECT {Columns} FROM user_account WHERE username = $key;", username, cancellationToken);

    public Task<UserAccount?> FindAsync(long id, CancellationToken cancellationToken) =>
        FindOneAsync($"SELECT {Columns} FROM user_account WHERE id = $key;", id, cancellationToken);

    public async Task<UserAccount?> CreateAsync(NewUser user, CancellationToken cancellationToken)
    {
        var id = await database.WriteAsync(async transaction =>
        {
            var now = Now();
            await using var insert = transaction.Command(
                """
                INSERT INTO user_account (username, email, realname, comment, password_hash, sysadmin, created_at, updated_at)
                VALUES ($username, $email, $realname, $comment, $hash, $admin, $now, $now)
                ON CONFLICT DO NOTHING RETURNING id;
                """,
                ("$username", user.Username), ("$email", user.Email), ("$realname", user.Realname), ("$comment", user.Comment),
                ("$hash", user.PasswordHash), ("$admin", user.SysAdmin), ("$now", now));
            return await insert.ExecuteScalarAsync(cancellationToken) as long?;
        }, cancellationToken);
        return id is null ? null : await FindAsync(id.Value, cancellationToken);
    }

    public Task<bool> SetPasswordAsync(long id, string passwordHash, CancellationToken cancellationToken) =>
        database.WriteAsync(t => t.ChangesAsync(
            "UPDATE user_account SET password_hash = $hash, password_version = password_version + 1, updated_at = $now WHERE id = $id;",
            cancellationToken, ("$hash", passwordHash), ("$now", Now()), ("$id", id)), cancellationToken);

    public Task<bool> UpdateProfileAsync(long id, string email, string realname, string comment, CancellationToken cancellationToken) =>
        database.WriteAsync(t => t.ChangesAsync(
            "UPDATE user_account SET email = $email, realname = $realname, comment = $comment, updated_at = $now WHERE id = $id;",
            cancellationToken, ("$email", email), ("$realname", realname), ("$comment", comment), ("$now", Now()), ("$id", id)), cancellationToken);

    public Task<bool> SetSysAdminAsync(long id, bool sysAdmin, CancellationToken cancellationToken) =>
        database.WriteAsync(t => t.ChangesAsync(
            "UPDATE user_account SET sysadmin = $value, updated_at = $now WHERE id = $id;",
            cancellationToken, ("$value", sysAdmin), ("$now", Now()), ("$id", id)), cancellationToken);

    public Task<bool> SetDisabledAsync(long id, bool disabled, CancellationToken cancellationToken) =>
        database.WriteAsync(t => t.ChangesAsync(
            "UPDATE user_account SET disabled = $value, updated_at = $now WHERE id = $id;",
            cancellationToken, ("$value", disabled), ("$now", Now()), ("$id", id)), cancellationToken);

    public Task<bool> DeleteAsync(long id, CancellationToken cancellationToken) =>
        database.WriteAsync(t => t.ChangesAsync("DELETE FROM user_account WHERE id = $id;", cancellationToken, ("$id", id)), cancellationToken);

    public async Task<(IReadOnlyList<UserAccount> Users, int Total)> ListAsync(string? nameContains, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // The filter matches literally: LIKE's wildcards in it (_ is common in user names) and the escape character are escaped.
        var literal = (nameContains ?? "").Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
        var pattern = $"%{literal}%";
        await using var count = connection.Command(@"SELECT count(*) FROM user_account WHERE username LIKE $pattern ESCAPE '\';", ("$pattern", pattern));
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken));
        await using var page = connection.Command(
            $@"SELECT {Columns} FROM user_account WHERE username LIKE $pattern ESCAPE '\' ORDER BY username LIMIT $limit OFFSET $offset;",
            ("$pattern", pattern), ("$limit", limit), ("$offset", offset));
        return (await page.ReadAllAsync(Read, cancellationToken), total);
    }

    private async Task<UserAccount?> FindOneAsync(string sql, object key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql, ("$key", key));
        return (await command.ReadAllAsync(Read, cancellationToken)).FirstOrDefault();
    }

    private static UserAccount Read(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetInt32(6),
        r.GetBoolean(7), r.GetBoolean(8), Time(r.GetInt64(9)), Time(r.GetInt64(10)));
}
