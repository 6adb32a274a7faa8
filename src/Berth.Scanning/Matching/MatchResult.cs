namespace Berth.Scanning.Matching;

/// <summary>The findings for a package list, plus what could not be checked and why.</summary>
public sealed record MatchResult(IReadOnlyList<Finding> Findings, IReadOnlyList<string> Warnings);
