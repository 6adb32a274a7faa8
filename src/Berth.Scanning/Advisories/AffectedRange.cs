namespace Berth.Scanning.Advisories;

/// <summary>An OSV range: events in the ecosystem's version order (GIT ranges are kept but never evaluated).</summary>
public sealed record AffectedRange(RangeType Type, IReadOnlyList<RangeEvent> Events)
{
    /// <summary>An ECOSYSTEM range introduced at "0" (every version), then <paramref name="after"/> (a fix, a limit).</summary>
    internal static AffectedRange FromZero(params RangeEvent[] after) =>
        new(RangeType.Ecosystem, [new RangeEvent(RangeEventKind.Introduced, "0"), .. after]);
}
