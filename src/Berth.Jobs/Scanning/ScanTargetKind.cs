namespace Berth.Jobs.Scanning;

public enum ScanTargetKind
{
    Image,
    Index,
    Unsupported,
}
