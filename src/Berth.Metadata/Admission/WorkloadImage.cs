namespace Berth.Metadata.Admission;

/// <summary>
/// One container of a remembered workload: which list it is in (<c>container</c>, <c>initContainer</c>,
/// <c>ephemeralContainer</c>), its position there, its name, the image as written, and the digest Berth resolved
/// it to (null for an image Berth does not hold).
/// </summary>
public sealed record WorkloadImage(string List, int Position, string Container, string Image, string? Digest);
