namespace Berth.Metadata.Scanners;

/// <summary>How adding or changing a registration ended.</summary>
public enum ScannerRegistrationWrite
{
    Done,
    NotFound,
    NameTaken,
    UrlTaken,
}
