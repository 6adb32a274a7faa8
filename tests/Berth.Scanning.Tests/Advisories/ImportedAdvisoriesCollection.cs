namespace Berth.Scanning.Tests.Advisories;

/// <summary>Test classes in this collection share one import of the real advisory data.</summary>
[CollectionDefinition(Name)]
public sealed class ImportedAdvisoriesCollection : ICollectionFixture<ImportedAdvisories>
{
    public const string Name = "imported advisories";
}
