namespace Berth.Scanning.Tests.Analyzers.Rpm;

/// <summary>Runs the rpm tests one after another: one of them watches the temporary directory.</summary>
[CollectionDefinition(Name)]
public sealed class RpmTestCollection
{
    public const string Name = "rpm databases";
}
