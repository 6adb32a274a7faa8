namespace Berth.Bench.Cli;

/// <summary>How results are printed: a human table (markdown for compare) or JSON for tooling.</summary>
public enum OutputFormat
{
    Table,
    Json,
}
