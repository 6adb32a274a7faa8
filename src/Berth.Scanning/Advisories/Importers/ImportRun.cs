using Berth.Core.Advisories;

namespace Berth.Scanning.Advisories.Importers;

/// <summary>The state of one import: the batch waiting to be written and the running counts.</summary>
internal sealed class ImportRun(IAdvisoryStore store, int batchRows)
{
    private readonly List<AdvisoryRecord> _rows = [];
    private readonly List<string> _withdrawn = [];
    private readonly Dictionary<string, int> _bySource = new(StringComparer.Ordinal);
    private readonly List<ImportProblem> _errors = [];
    private int _advisories;
    private int _withdrawnCount;
    private int _written;

    public int Documents { get; set; }

    public int Skipped { get; set; }

    public List<string> Unrecognised { get; } = [];

    public void Error(string path, string message) => _errors.Add(new ImportProblem(path, message));

    public async Task AddAsync(Advisory advisory, CancellationToken cancellationToken)
    {
        if (advisory.Withdrawn is not null)
        {
            _withdrawn.Add(advisory.Id);
            _withdrawnCount++;
        }
        else
        {
            _rows.AddRange(AdvisoryRows.From(advisory));
            _advisories++;
            _bySource[advisory.Source] = _bySource.GetValueOrDefault(advisory.Source) + 1;
        }
        if (_rows.Count + _withdrawn.Count >= batchRows) await FlushAsync(cancellationToken);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_rows.Count == 0 && _withdrawn.Count == 0) return;
        await store.WriteAsync([.. _rows], [.. _withdrawn], cancellationToken);
        _written += _rows.Count;
        _rows.Clear();
        _withdrawn.Clear();
    }

    public async Task RecordSourcesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var (name, count) in _bySource)
        {
            var url = AdvisorySource.Known.FirstOrDefault(s => s.Name == name)?.Url ?? "";
            await store.SetSourceAsync(new AdvisorySourceRecord(name, url, count, now), cancellationToken);
        }
    }

    public AdvisoryImportResult Result() => new(
        Documents, _advisories, _withdrawnCount, _written, new Dictionary<string, int>(_bySource), [.. _errors], [.. Unrecognised], Skipped);
}
