using Berth.Metadata.Sqlite;
using Microsoft.Data.Sqlite;

namespace Berth.Commands.Vulndb;

/// <summary>
/// The advisory tables live in the data directory's metadata database (<c>berth.db</c>), the one
/// <c>berth serve</c> uses, so a server sees what <c>berth vulndb</c> imported.
/// </summary>
internal static class AdvisoryDatabase
{
    public static string FileIn(string dataDirectory) => Path.Combine(dataDirectory, "berth.db");

    /// <summary>
    /// Opens the database and brings its schema up to date. <paramref name="create"/> makes a missing one (an
    /// import is often the first use of a data directory); readers pass false, since an empty database made
    /// for them would only hide the mistake.
    /// </summary>
    /// <returns>The database, or a one-line reason there is none.</returns>
    public static async Task<(SqliteDatabase? Database, string? Error)> OpenAsync(string dataDirectory, bool create, CancellationToken cancellationToken)
    {
        var file = FileIn(dataDirectory);
        if (!create && !File.Exists(file)) return (null, Missing(dataDirectory));
        try
        {
            var database = new SqliteDatabase(file);
            // On an existing file this only adds what a newer Berth knows; the advisory tables may be among it.
            await database.MigrateAsync(cancellationToken);
            return (database, null);
        }
        catch (SqliteException e)
        {
            return (null, $"the database {file} cannot be opened: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            return (null, $"the database {file} cannot be used: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            return (null, $"the database {file} cannot be opened: {e.Message}");
        }
        catch (IOException e)
        {
            return (null, $"the database {file} cannot be opened: {e.Message}");
        }
    }

    public static string Missing(string dataDirectory) =>
        $"no advisory database at {FileIn(dataDirectory)}; import advisories with 'berth vulndb update' or 'berth vulndb import PATH', or pass --data DIR";
}
