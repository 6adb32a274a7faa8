namespace Berth.Bench.Scenarios;

/// <summary>An image a test pushed during setup, to pull from afterwards.</summary>
public sealed record PushedImage(string Repository, string Tag);
