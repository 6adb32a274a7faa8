namespace Berth.Core.Advisories;

/// <summary>A feed advisories were imported from, as `vulndb status` shows it.</summary>
/// <param name="Name">Short stable name, e.g. "go-vulndb".</param>
/// <param name="Url">Where the feed is published.</param>
/// <param name="ImportedCount">Advisories taken from it by the last import.</param>
/// <param name="ImportedAt">When that import finished.</param>
public sealed record AdvisorySourceRecord(string Name, string Url, long ImportedCount, DateTimeOffset ImportedAt);
