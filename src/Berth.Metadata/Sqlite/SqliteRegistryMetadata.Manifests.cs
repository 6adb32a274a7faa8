using Berth.Core;
using Berth.Core.Errors;
using Microsoft.Data.Sqlite;

namespace Berth.Metadata.Sqlite;

public sealed partial class SqliteRegistryMetadata
{
    public Task<Outcome<Artifact>> PutManifestAsync(ManifestUpload upload, CancellationToken cancellationToken) =>
        database.WriteAsync(transaction => PutManifestAsync(transaction, upload, cancellationToken), static o => o.Succeeded, cancellationToken);

    private static async Task<Outcome<Artifact>> PutManifestAsync(SqliteTransaction transaction, ManifestUpload upload, CancellationToken cancellationToken)
    {
        var document = upload.Document;
        if (upload is { Tag: { } lockedTag, RefuseExistingTag: { } refusal })
        {
            await using var existing = transaction.Command(
                "SELECT 1 FROM tag t JOIN repository r ON r.id = t.repository_id WHERE r.name = $name AND t.name = $tag;",
                ("$name", upload.Repository), ("$tag", lockedTag));
            if (await existing.ExecuteScalarAsync(cancellationToken) is not null) return refusal;
        }
        var repositoryId = await EnsureRepositoryAsync(transaction, upload.Repository, cancellationToken);

        foreach (var blob in document.RequiredBlobs)
        {
            var missing = await CheckBlobAsync(transaction, repositoryId, blob, cancellationToken);
            if (missing is not null) return missing;
        }
        foreach (var child in document.Manifests)
        {
            await using var find = transaction.Command(
                "SELECT 1 FROM artifact WHERE repository_id = $repo AND digest = $digest;",
                ("$repo", repositoryId), ("$digest", child.Digest.ToString()));
            if (await find.ExecuteScalarAsync(cancellationToken) is null)
            {
                return OciErrorCode.ManifestBlobUnknown.With(
                    $"the index references manifest {child.Digest}, which is not in repository {upload.Repository}; push it first",
                    detail: new { digest = child.Digest.ToString() });
            }
        }

        var artifactId = await InsertArtifactAsync(transaction, repositoryId, upload, cancellationToken);
        foreach (var blob in document.RequiredBlobs)
        {
            await using var link = transaction.Command(
                "INSERT INTO artifact_blob (artifact_id, digest) VALUES ($id, $digest) ON CONFLICT DO NOTHING;",
                ("$id", artifactId), ("$digest", blob.Digest.ToString()));
            await link.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var child in document.Manifests)
        {
            await using var link = transaction.Command(
                "INSERT INTO artifact_child (artifact_id, child_digest) VALUES ($id, $digest) ON CONFLICT DO NOTHING;",
                ("$id", artifactId), ("$digest", child.Digest.ToString()));
            await link.ExecuteNonQueryAsync(cancellationToken);
        }
        if (upload.Tag is not null)
        {
            await using var tag = transaction.Command(
                """
                INSERT INTO tag (repository_id, name, artifact_id, pushed_at) VALUES ($repo, $name, $id, $now)
                ON CONFLICT (repository_id, name) DO UPDATE SET artifact_id = excluded.artifact_id, pushed_at = excluded.pushed_at;
                """,
                ("$repo", repositoryId), ("$name", upload.Tag), ("$id", artifactId), ("$now", SqliteCommands.Now()));
            await tag.ExecuteNonQueryAsync(cancellationToken);
        }
        return new Artifact(artifactId, upload.Repository, upload.Digest, document.MediaType, upload.Content.Length,
            document.EffectiveArtifactType, document.Subject?.Digest);
    }

    /// <summary>Null when the repository links the blob with the size the manifest claims; otherwise the error.</summary>
    private static async Task<OciError?> CheckBlobAsync(SqliteTransaction transaction, long repositoryId, Core.Manifests.Descriptor blob, CancellationToken cancellationToken)
    {
        await using var find = transaction.Command(
            "SELECT b.size FROM repository_blob rb JOIN blob b ON b.digest = rb.digest WHERE rb.repository_id = $repo AND rb.digest = $digest;",
            ("$repo", repositoryId), ("$digest", blob.Digest.ToString()));
        var size = await find.ExecuteScalarAsync(cancellationToken);
        if (size is not long actual)
        {
            return OciErrorCode.ManifestBlobUnknown.With(
                $"the manifest references blob {blob.Digest}, which is not in this repository; push it first",
                detail: new { digest = blob.Digest.ToString() });
        }
        if (actual != blob.Size)
        {
            return OciErrorCode.ManifestInvalid.With(
                $"the manifest gives blob {blob.Digest} a size of {blob.Size} bytes, but it has {actual}",
                detail: new { digest = blob.Digest.ToString(), declared = blob.Size, actual });
        }
        return null;
    }

    private static async Task<long> InsertArtifactAsync(SqliteTransaction transaction, long repositoryId, ManifestUpload upload, CancellationToken cancellationToken)
    {
        var document = upload.Document;
        await using (var insert = transaction.Command(
            """
            INSERT INTO artifact (repository_id, digest, media_type, artifact_type, size, content, subject_digest, annotations, pushed_at)
            VALUES ($repo, $digest, $mediaType, $artifactType, $size, $content, $subject, $annotations, $now)
            ON CONFLICT (repository_id, digest) DO NOTHING;
            """,
            ("$repo", repositoryId), ("$digest", upload.Digest.ToString()), ("$mediaType", document.MediaType),
            ("$artifactType", document.EffectiveArtifactType), ("$size", upload.Content.LongLength), ("$content", upload.Content),
            ("$subject", document.Subject?.Digest.ToString()), ("$annotations", document.AnnotationsJson), ("$now", SqliteCommands.Now())))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var select = transaction.Command(
            "SELECT id FROM artifact WHERE repository_id = $repo AND digest = $digest;",
            ("$repo", repositoryId), ("$digest", upload.Digest.ToString()));
        return (long)(await select.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<StoredManifest?> FindManifestAsync(string repository, string reference, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var byDigest = Digest.TryParse(reference, out _);
        await using var command = connection.Command(
            byDigest
                ? "SELECT a.digest, a.media_type, a.content FROM artifact a JOIN repository r ON r.id = a.repository_id WHERE r.name = $name AND a.digest = $ref;"
                : "SELECT a.digest, a.media_type, a.content FROM tag t JOIN repository r ON r.id = t.repository_id JOIN artifact a ON a.id = t.artifact_id WHERE r.name = $name AND t.name = $ref;",
            ("$name", repository), ("$ref", reference));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new StoredManifest(Digest.Parse(reader.GetString(0)), reader.GetString(1), reader.GetFieldValue<byte[]>(2));
    }
}
