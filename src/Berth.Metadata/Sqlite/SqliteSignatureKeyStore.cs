using Berth.Metadata.Signatures;
using Microsoft.Data.Sqlite;
using static Berth.Metadata.Sqlite.SqliteCommands;

namespace Berth.Metadata.Sqlite;

/// <summary><see cref="ISignatureKeyStore"/> on SQLite: one row per trusted key, kept as the PEM text given.</summary>
public sealed class SqliteSignatureKeyStore(SqliteDatabase database) : ISignatureKeyStore
{
    private const string Columns = "SELECT id, project_id, name, usage, algorithm, pem, fingerprint, created_by, created_at FROM signature_key";

    public async Task<IReadOnlyList<SignatureKeyRecord>> ListAsync(long projectId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(Columns + " WHERE project_id = $project ORDER BY id;", ("$project", projectId));
        return await command.ReadAllAsync(Read, cancellationToken);
    }

    public Task<SignatureKeyRecord?> AddAsync(long projectId, NewSignatureKey key, CancellationToken cancellationToken) =>
        database.WriteAsync(async transaction =>
        {
            // The unique constraints decide a race between two requests; ON CONFLICT keeps the refusal a value.
            await using var insert = transaction.Command(
                """
                INSERT INTO signature_key (project_id, name, usage, algorithm, pem, fingerprint, created_by, created_at)
                VALUES ($project, $name, $usage, $algorithm, $pem, $fingerprint, $by, $now)
                ON CONFLICT DO NOTHING RETURNING id;
                """,
                ("$project", projectId), ("$name", key.Name), ("$usage", key.Usage), ("$algorithm", key.Algorithm), ("$pem", key.Pem),
                ("$fingerprint", key.Fingerprint), ("$by", key.CreatedBy), ("$now", Now()));
            if (await insert.ExecuteScalarAsync(cancellationToken) is not long id) return null;
            await using var select = transaction.Command(Columns + " WHERE id = $id;", ("$id", id));
            return (await select.ReadAllAsync(Read, cancellationToken)).Single();
        }, cancellationToken);

    public Task<bool> DeleteAsync(long projectId, long keyId, CancellationToken cancellationToken) =>
        database.WriteAsync(t => t.ChangesAsync(
            "DELETE FROM signature_key WHERE project_id = $project AND id = $id;", cancellationToken, ("$project", projectId), ("$id", keyId)),
            cancellationToken);

    private static SignatureKeyRecord Read(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7),
        Time(r.GetInt64(8)));
}
