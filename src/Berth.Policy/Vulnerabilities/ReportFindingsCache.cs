using System.Collections.Concurrent;
using Berth.Metadata.Scans;

namespace Berth.Policy.Vulnerabilities;

/// <summary>
/// The findings of successful reports, parsed once per (digest, report id, matched at): a new scan changes the
/// report id and a re-match after an advisory import changes the matched time, so a cached entry is never stale,
/// and a pull never parses a large document again. Bounded: past <see cref="Capacity"/> digests it starts over.
/// </summary>
public sealed class ReportFindingsCache(IScanReportStore reports)
{
    public const int Capacity = 4096;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The findings of the report as <paramref name="report"/> describes it; null when its document cannot be read.</summary>
    public async ValueTask<IReadOnlyList<ReportFinding>?> FindingsAsync(ScanReportRecord report, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(report.Digest, out var known) && known.Matches(report)) return known.Findings;

        var stored = await reports.FindDocumentAsync(report.Digest, cancellationToken);
        if (stored is null) return null;
        var findings = ReportFindingsReader.Read(stored.Document);
        if (findings is null) return null;
        if (_entries.Count >= Capacity) _entries.Clear();
        // Keyed by the document's own record: it may be newer than the one the caller read a moment ago.
        _entries[report.Digest] = new Entry(stored.Report.ReportId, stored.Report.MatchedAt, findings);
        return findings;
    }

    private sealed record Entry(string ReportId, DateTimeOffset? MatchedAt, IReadOnlyList<ReportFinding> Findings)
    {
        public bool Matches(ScanReportRecord report) => report.ReportId == ReportId && report.MatchedAt == MatchedAt;
    }
}
