namespace Berth.Bench.Scanning;

/// <summary>Median wall-clock and CPU seconds of one kind of pass over the layers.</summary>
public sealed record PassSeconds(double Wall, double Cpu);
