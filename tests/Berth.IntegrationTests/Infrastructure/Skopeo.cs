namespace Berth.IntegrationTests.Infrastructure;

/// <summary>skopeo 1.9 as the tests call it: plain HTTP to loopback registries, generous deadlines.</summary>
public static class Skopeo
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary><c>skopeo [global options] copy</c> with TLS verification off on both sides; fails when skopeo does.</summary>
    public static async Task CopyAsync(string source, string destination, string[]? globalOptions = null, string[]? copyOptions = null)
    {
        string[] arguments =
        [
            .. globalOptions ?? [], "copy", "--src-tls-verify=false", "--dest-tls-verify=false",
            .. copyOptions ?? [], source, destination,
        ];
        (await Tool.RunAsync("skopeo", arguments, Timeout)).EnsureSucceeded();
    }

    /// <summary>The manifest bytes a registry serves for <paramref name="reference"/>, exactly as received.</summary>
    public static async Task<string> InspectRawAsync(string reference)
    {
        var result = await Tool.RunAsync("skopeo", ["inspect", "--raw", "--tls-verify=false", reference], Timeout);
        return result.EnsureSucceeded().Output;
    }
}
