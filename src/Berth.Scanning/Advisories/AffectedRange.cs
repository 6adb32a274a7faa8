namespace Berth.Scanning.Advisories;

/// <summary>An OSV range: events in the ecosystem's version order (GIT ranges are kept but never evaluated).</summary>
public sealed record AffectedRange(RangeType Type, IReadOnlyList<RangeEvent> Events);
