using Berth.Metadata.Sqlite;
using Berth.Scanning.Advisories.Importers;
using Microsoft.Data.Sqlite;

namespace Berth.Scanning.Tests.Advisories;

/// <summary>
/// All of shared/testdata/advisories imported once into a real SQLite metadata file in a temp folder,
/// shared by the importer and matcher tests.
/// </summary>
public sealed class ImportedAdvisories : IAsyncLifetime
{
    private string _directory = null!;

    public SqliteDatabase Database { get; private set; } = null!;

    public SqliteAdvisoryStore Store { get; private set; } = null!;

    public AdvisoryImportResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("berth-advisories-").FullName;
        Database = new SqliteDatabase(Path.Combine(_directory, "berth.db"));
        await Database.MigrateAsync(default);
        Store = new SqliteAdvisoryStore(Database);
        Result = await new AdvisoryImporter(Store).ImportAsync([TestData.Path("advisories")], default);
    }

    public async Task DisposeAsync()
    {
        await using (var connection = await Database.OpenAsync(default)) SqliteConnection.ClearPool(connection);
        Directory.Delete(_directory, recursive: true);
    }
}
