namespace Berth.Core.Advisories;

/// <summary>The imported vulnerability advisories, indexed by (ecosystem, package), and the feeds they came from.</summary>
public interface IAdvisoryStore
{
    /// <summary>
    /// Writes one batch in one transaction: each record replaces the row with its (ecosystem, package, id),
    /// and every row of each id in <paramref name="withdrawnIds"/> is deleted (withdrawn upstream).
    /// </summary>
    /// <returns>Rows written plus rows deleted.</returns>
    Task<int> WriteAsync(IReadOnlyList<AdvisoryRecord> records, IReadOnlyList<string> withdrawnIds, CancellationToken cancellationToken);

    /// <summary>Every advisory naming one of <paramref name="keys"/>; each record says which key it belongs to.</summary>
    Task<IReadOnlyList<AdvisoryRecord>> FindAsync(IReadOnlyCollection<AdvisoryKey> keys, CancellationToken cancellationToken);

    /// <summary>Every row of one advisory id, across ecosystems and packages.</summary>
    Task<IReadOnlyList<AdvisoryRecord>> FindByIdAsync(string id, CancellationToken cancellationToken);

    /// <summary>Number of stored rows (advisory × package).</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);

    /// <summary>Records (or replaces) what the last import took from a feed.</summary>
    Task SetSourceAsync(AdvisorySourceRecord source, CancellationToken cancellationToken);

    Task<IReadOnlyList<AdvisorySourceRecord>> ListSourcesAsync(CancellationToken cancellationToken);
}
