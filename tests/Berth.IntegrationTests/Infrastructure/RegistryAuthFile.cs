using System.Text;
using System.Text.Json;

namespace Berth.IntegrationTests.Infrastructure;

/// <summary>
/// The containers auth file (<c>REGISTRY_AUTH_FILE</c>) that skopeo and podman read credentials from, as
/// <c>podman login</c> would write it: every test server adds its address and admin credentials here.
/// </summary>
public static class RegistryAuthFile
{
    private static readonly Dictionary<string, string> Entries = new();

    public static string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"berth-it-auth-{Environment.ProcessId}.json");

    public static void Add(string host, string username, string password)
    {
        lock (Entries)
        {
            Entries[host] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));
            var auths = Entries.ToDictionary(e => e.Key, e => new Dictionary<string, string> { ["auth"] = e.Value });
            // Written aside and renamed: a skopeo started by another test may be reading the file at this moment,
            // and must see the old whole file or the new one, never a truncated one.
            var staging = Path + ".new";
            File.WriteAllText(staging, JsonSerializer.Serialize(new Dictionary<string, object> { ["auths"] = auths }));
            File.Move(staging, Path, overwrite: true);
        }
    }
}
