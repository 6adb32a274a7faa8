namespace Berth.Scanning.Analyzers.Rpm;

/// <summary>One rpm database format: finds the package header blobs stored in a database file.</summary>
internal interface IRpmHeaderBlobReader
{
    /// <summary>
    /// Hands each header blob to <paramref name="onHeader"/>, one at a time so memory stays bounded by the
    /// largest header. Damage is reported to <paramref name="warnings"/>; readable records are still read.
    /// </summary>
    Task ReadAsync(TemporaryDatabaseCopy database, Action<byte[]> onHeader, DatabaseWarnings warnings, CancellationToken cancellationToken);
}
