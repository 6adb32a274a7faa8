namespace Berth.IntegrationTests.Cli;

/// <summary>The tests that share one <see cref="ImportedDataDirectory"/> (the import runs once; they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class ImportedDataDirectoryCollection : ICollectionFixture<ImportedDataDirectory>
{
    public const string Name = "berth CLI with imported advisories";
}
