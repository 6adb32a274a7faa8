namespace Berth.IntegrationTests.Infrastructure;

/// <summary>
/// podman 4.3 with its own throwaway image store (vfs driver, <c>--root</c>/<c>--runroot</c> in a temp
/// directory), so a test neither sees nor changes the machine's images.
/// </summary>
public sealed class Podman : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("berth-it-podman-").FullName;

    /// <summary>The temp directory holding the image store; tests may put their own files here too.</summary>
    public string Directory => _directory;

    public async Task<string> RunAsync(params string[] arguments)
    {
        string[] all =
        [
            "--storage-driver=vfs", "--root", Path.Combine(_directory, "root"), "--runroot", Path.Combine(_directory, "runroot"),
            .. arguments,
        ];
        return (await Tool.RunAsync("podman", all, Timeout)).EnsureSucceeded().Output.Trim();
    }

    public void Dispose() => System.IO.Directory.Delete(_directory, recursive: true);
}
