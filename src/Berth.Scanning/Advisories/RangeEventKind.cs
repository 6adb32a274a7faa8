namespace Berth.Scanning.Advisories;

public enum RangeEventKind
{
    Introduced,
    Fixed,
    LastAffected,
    Limit,
}
