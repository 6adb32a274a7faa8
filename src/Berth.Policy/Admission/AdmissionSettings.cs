namespace Berth.Policy.Admission;

/// <summary>
/// How the webhook decides: Berth's own registry address as pods name it (<c>host[:port]</c>, from
/// <c>Server:ExternalUrl</c>), the deadline when the API server sends no <c>?timeout=</c>, and the verdict cache's size.
/// </summary>
public sealed record AdmissionSettings(string? RegistryAddress, TimeSpan DefaultTimeout, int CacheCapacity)
{
    public static TimeSpan StandardTimeout { get; } = TimeSpan.FromSeconds(10);

    public const int StandardCacheCapacity = 10_000;
}
