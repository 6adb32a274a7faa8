namespace Berth.Scanning.Tests.Reports;

/// <summary>The report tests share one read of the real image.</summary>
[CollectionDefinition(Name)]
public sealed class ReportCollection : ICollectionFixture<ReportFixture>
{
    public const string Name = "report formats";
}
