using Berth.Metadata.Admission;
using Microsoft.Data.Sqlite;
using static Berth.Metadata.Sqlite.SqliteCommands;

namespace Berth.Metadata.Sqlite;

/// <summary><see cref="IAdmissionAuditStore"/> on SQLite: a workload row and its container rows, replaced together.</summary>
public sealed class SqliteAdmissionAuditStore(SqliteDatabase database) : IAdmissionAuditStore
{
    public Task ApplyAsync(
        IReadOnlyList<WorkloadSighting> sightings, IReadOnlyList<WorkloadKey> forgotten, DateTimeOffset expireBefore, int capacity,
        CancellationToken cancellationToken) =>
        database.WriteAsync(async transaction =>
        {
            foreach (var key in forgotten)
            {
                await transaction.ChangesAsync("DELETE FROM admission_workload WHERE namespace = $ns AND kind = $kind AND name = $name;",
                    cancellationToken, ("$ns", key.Namespace), ("$kind", key.Kind), ("$name", key.Name));
            }
            foreach (var sighting in sightings) await ReplaceAsync(transaction, sighting, cancellationToken);
            await transaction.ChangesAsync("DELETE FROM admission_workload WHERE last_seen < $before;", cancellationToken,
                ("$before", expireBefore.ToUnixTimeMilliseconds()));
            await transaction.ChangesAsync(
                "DELETE FROM admission_workload WHERE id IN (SELECT id FROM admission_workload ORDER BY last_seen DESC, id DESC LIMIT -1 OFFSET $capacity);",
                cancellationToken, ("$capacity", capacity));
            return true;
        }, cancellationToken);

    public async Task<IReadOnlyList<WorkloadSighting>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            """
            SELECT w.id, w.namespace, w.kind, w.name, w.api_group, w.object_labels, w.pod_labels, w.last_seen,
                   i.list, i.position, i.container, i.image, i.digest
            FROM admission_workload w LEFT JOIN admission_workload_image i ON i.workload_id = w.id
            ORDER BY w.namespace, w.kind, w.name, w.id, i.list, i.position;
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var workloads = new List<WorkloadSighting>();
        long current = -1;
        List<WorkloadImage>? images = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt64(0);
            if (id != current)
            {
                current = id;
                images = [];
                workloads.Add(new WorkloadSighting(
                    new WorkloadKey(reader.GetString(1), reader.GetString(2), reader.GetString(3)),
                    reader.GetString(4), reader.GetString(5), reader.GetString(6), images, Time(reader.GetInt64(7))));
            }
            if (!reader.IsDBNull(8))
                images!.Add(new WorkloadImage(reader.GetString(8), reader.GetInt32(9), reader.GetString(10), reader.GetString(11), reader.IsDBNull(12) ? null : reader.GetString(12)));
        }
        return workloads;
    }

    private static async Task ReplaceAsync(SqliteTransaction transaction, WorkloadSighting sighting, CancellationToken cancellationToken)
    {
        var key = sighting.Key;
        // Upsert keeps the row id stable; the containers are replaced whole, as the object was.
        await using var upsert = transaction.Command(
            """
            INSERT INTO admission_workload (namespace, kind, name, api_group, object_labels, pod_labels, last_seen)
            VALUES ($ns, $kind, $name, $group, $objectLabels, $podLabels, $seen)
            ON CONFLICT (namespace, kind, name) DO UPDATE SET api_group = excluded.api_group, object_labels = excluded.object_labels,
                pod_labels = excluded.pod_labels, last_seen = excluded.last_seen
            RETURNING id;
            """,
            ("$ns", key.Namespace), ("$kind", key.Kind), ("$name", key.Name), ("$group", sighting.Group),
            ("$objectLabels", sighting.ObjectLabelsJson), ("$podLabels", sighting.PodLabelsJson), ("$seen", sighting.SeenAt.ToUnixTimeMilliseconds()));
        var id = (long)(await upsert.ExecuteScalarAsync(cancellationToken))!;
        await transaction.ChangesAsync("DELETE FROM admission_workload_image WHERE workload_id = $id;", cancellationToken, ("$id", id));
        foreach (var image in sighting.Images)
        {
            await transaction.ChangesAsync(
                "INSERT INTO admission_workload_image (workload_id, list, position, container, image, digest) VALUES ($id, $list, $position, $container, $image, $digest);",
                cancellationToken, ("$id", id), ("$list", image.List), ("$position", image.Position), ("$container", image.Container),
                ("$image", image.Image), ("$digest", image.Digest));
        }
    }
}
