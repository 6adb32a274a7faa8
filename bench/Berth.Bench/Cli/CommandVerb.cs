namespace Berth.Bench.Cli;

/// <summary>What the bench was asked to do.</summary>
public enum CommandVerb
{
    Help,
    Run,
    Compare,
    CompareAuth,
    List,
    Scan,
    Admission,
}
