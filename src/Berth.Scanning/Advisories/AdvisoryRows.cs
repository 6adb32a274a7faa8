using Berth.Core.Advisories;

namespace Berth.Scanning.Advisories;

/// <summary>Splits an advisory into the rows the store indexes: one per (ecosystem, normalised package).</summary>
public static class AdvisoryRows
{
    public static IEnumerable<AdvisoryRecord> From(Advisory advisory)
    {
        var groups = advisory.Affected.GroupBy(a =>
        {
            var ecosystem = PackageNames.NormaliseEcosystem(a.Ecosystem);
            return new AdvisoryKey(ecosystem, PackageNames.Normalise(ecosystem, a.Name));
        });
        foreach (var group in groups)
        {
            var entries = group.ToList();
            var rating = entries.Select(e => e.Rating).FirstOrDefault(r => r is not null && r.Severity != Severity.Unknown) ?? advisory.Rating;
            yield return new AdvisoryRecord(
                advisory.Id, advisory.Source, group.Key.Ecosystem, group.Key.Package, AffectedPackageJson.Serialize(entries),
                rating.Severity.ToString(), rating.CvssVector, rating.CvssScore, advisory.Summary, advisory.Aliases,
                advisory.Published, advisory.Modified);
        }
    }
}
