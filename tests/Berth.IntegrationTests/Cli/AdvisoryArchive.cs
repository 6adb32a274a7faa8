using System.IO.Compression;

namespace Berth.IntegrationTests.Cli;

/// <summary>Zips real OSV records the way osv.dev publishes an ecosystem: one <c>ID.json</c> per advisory at the archive's root.</summary>
public static class AdvisoryArchive
{
    public static byte[] Of(IEnumerable<string> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files) zip.CreateEntryFromFile(file, Path.GetFileName(file));
        }
        return buffer.ToArray();
    }

    /// <summary>The first <paramref name="count"/> golang/vulndb records by name, GO-2021-0069 always among them.</summary>
    public static IReadOnlyList<string> GoRecords(int count)
    {
        var directory = SharedTestData.Path("advisories", "golang-vulndb", "data", "osv");
        var chosen = Directory.GetFiles(directory, "GO-*.json").Order(StringComparer.Ordinal).Take(count).ToList();
        var wanted = Path.Combine(directory, "GO-2021-0069.json");
        if (!chosen.Contains(wanted)) chosen[^1] = wanted;
        return chosen;
    }
}
