using Berth.Core;
using Berth.Metadata.Artifacts;
using Microsoft.Data.Sqlite;

namespace Berth.Metadata.Sqlite;

/// <summary>
/// Deletes, with an artifact's accessories going along in the same transaction (as Harbor's accessories do): every
/// artifact whose <c>subject</c> is it, recursively, and cosign's <c>sha256-&lt;hex&gt;.sig|.att|.sbom</c> tags of its
/// digest. A referrer names its subject in its own content, so it has no meaning once the subject is gone and goes
/// even when tagged. A cosign tag's manifest does not name the subject (two images with the same SBOM share one), so
/// the tag always goes but the manifest it points at stays while another tag still points at it. Nothing that is a
/// child of a surviving index is deleted, since that would leave the index broken.
/// </summary>
public sealed partial class SqliteRegistryMetadata
{
    private readonly IArtifactRemovalObserver[] _removalObservers = [.. removalObservers ?? []];

    public async Task<bool> DeleteArtifactAsync(string repository, Digest digest, CancellationToken cancellationToken)
    {
        var removal = await database.WriteAsync(
            transaction => DeleteWithAccessoriesAsync(transaction, repository, digest, cancellationToken), cancellationToken);
        if (removal is null) return false;
        await NotifyAsync(removal);
        return true;
    }

    public async Task<bool> DeleteTagAsync(string repository, string tag, CancellationToken cancellationToken)
    {
        var deleted = await database.WriteAsync(async transaction =>
        {
            await using var command = transaction.Command(
                "DELETE FROM tag WHERE name = $tag AND repository_id = (SELECT id FROM repository WHERE name = $name);",
                ("$name", repository), ("$tag", tag));
            return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        }, cancellationToken);
        if (deleted) await NotifyAsync(new ArtifactRemoval(repository, [], [tag]));
        return deleted;
    }

    private async Task NotifyAsync(ArtifactRemoval removal)
    {
        foreach (var observer in _removalObservers) await observer.OnRemovedAsync(removal, CancellationToken.None);
    }

    /// <summary>What was deleted, or null when the repository has no artifact with that digest.</summary>
    private static async Task<ArtifactRemoval?> DeleteWithAccessoriesAsync(
        SqliteTransaction transaction, string repository, Digest digest, CancellationToken cancellationToken)
    {
        await using var find = transaction.Command(
            "SELECT a.id, r.id FROM artifact a JOIN repository r ON r.id = a.repository_id WHERE r.name = $name AND a.digest = $digest;",
            ("$name", repository), ("$digest", digest.ToString()));
        var found = await find.ReadAllAsync(r => (ArtifactId: r.GetInt64(0), RepositoryId: r.GetInt64(1)), cancellationToken);
        if (found.Count == 0) return null;
        return await DeleteFromAsync(transaction, repository, found[0].RepositoryId, found[0].ArtifactId, digest, cancellationToken);
    }

    private static async Task<ArtifactRemoval> DeleteFromAsync(
        SqliteTransaction transaction, string repository, long repositoryId, long rootId, Digest root, CancellationToken cancellationToken)
    {
        var doomed = new Dictionary<long, Digest> { [rootId] = root };
        var accessoryTags = new List<string>();
        var pending = new Queue<Digest>([root]);
        while (pending.TryDequeue(out var subject))
        {
            foreach (var (id, referrer) in await ReferrersOfAsync(transaction, repositoryId, subject, cancellationToken))
            {
                if (doomed.ContainsKey(id) || await IsChildOfSurvivingIndexAsync(transaction, repositoryId, referrer, doomed, cancellationToken)) continue;
                doomed[id] = referrer;
                pending.Enqueue(referrer);
            }
            foreach (var (tag, id, accessory) in await AccessoryTagsOfAsync(transaction, repositoryId, subject, cancellationToken))
            {
                accessoryTags.Add(tag);
                if (doomed.ContainsKey(id)) continue;
                if (await HasOtherTagsAsync(transaction, id, accessoryTags, cancellationToken)) continue;
                if (await IsChildOfSurvivingIndexAsync(transaction, repositoryId, accessory, doomed, cancellationToken)) continue;
                doomed[id] = accessory;
                pending.Enqueue(accessory);
            }
        }

        foreach (var tag in accessoryTags)
        {
            await using var deleteTag = transaction.Command(
                "DELETE FROM tag WHERE repository_id = $repo AND name = $name;", ("$repo", repositoryId), ("$name", tag));
            await deleteTag.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var id in doomed.Keys)
        {
            // Tags, blob links and child links of the artifact go by ON DELETE CASCADE.
            await using var delete = transaction.Command("DELETE FROM artifact WHERE id = $id;", ("$id", id));
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        return new ArtifactRemoval(repository, [.. doomed.Values], accessoryTags);
    }

    private static async Task<List<(long Id, Digest Digest)>> ReferrersOfAsync(
        SqliteTransaction transaction, long repositoryId, Digest subject, CancellationToken cancellationToken)
    {
        await using var command = transaction.Command(
            "SELECT id, digest FROM artifact WHERE repository_id = $repo AND subject_digest = $subject;",
            ("$repo", repositoryId), ("$subject", subject.ToString()));
        return await command.ReadAllAsync(r => (r.GetInt64(0), Digest.Parse(r.GetString(1))), cancellationToken);
    }

    private static async Task<List<(string Tag, long Id, Digest Digest)>> AccessoryTagsOfAsync(
        SqliteTransaction transaction, long repositoryId, Digest subject, CancellationToken cancellationToken)
    {
        var names = AccessoryTags.AllFor(subject).ToArray();
        await using var command = transaction.Command(
            """
            SELECT t.name, a.id, a.digest FROM tag t JOIN artifact a ON a.id = t.artifact_id
            WHERE t.repository_id = $repo AND t.name IN ($sig, $att, $sbom);
            """,
            ("$repo", repositoryId), ("$sig", names[0]), ("$att", names[1]), ("$sbom", names[2]));
        return await command.ReadAllAsync(r => (r.GetString(0), r.GetInt64(1), Digest.Parse(r.GetString(2))), cancellationToken);
    }

    /// <summary>True when a tag other than the accessory tags being removed points at the artifact.</summary>
    private static async Task<bool> HasOtherTagsAsync(SqliteTransaction transaction, long artifactId, List<string> removing, CancellationToken cancellationToken)
    {
        await using var command = transaction.Command("SELECT name FROM tag WHERE artifact_id = $id;", ("$id", artifactId));
        var tags = await command.ReadAllAsync(r => r.GetString(0), cancellationToken);
        return tags.Any(tag => !removing.Contains(tag));
    }

    private static async Task<bool> IsChildOfSurvivingIndexAsync(
        SqliteTransaction transaction, long repositoryId, Digest digest, Dictionary<long, Digest> doomed, CancellationToken cancellationToken)
    {
        await using var command = transaction.Command(
            """
            SELECT p.id FROM artifact_child ch JOIN artifact p ON p.id = ch.artifact_id
            WHERE p.repository_id = $repo AND ch.child_digest = $digest;
            """,
            ("$repo", repositoryId), ("$digest", digest.ToString()));
        var parents = await command.ReadAllAsync(r => r.GetInt64(0), cancellationToken);
        return parents.Any(parent => !doomed.ContainsKey(parent));
    }
}
