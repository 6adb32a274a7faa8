namespace Berth.Scanning.Advisories;

/// <summary>One OSV range event; <see cref="Version"/> "0" for introduced means "before every version".</summary>
public sealed record RangeEvent(RangeEventKind Kind, string Version);
