namespace Berth.Bench.Servers;

/// <summary>A registry `compare` launched did not come up: broken setup, not a benchmark result.</summary>
public sealed class RegistryStartException(string message) : Exception(message);
