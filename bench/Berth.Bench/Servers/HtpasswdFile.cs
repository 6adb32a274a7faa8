using System.ComponentModel;
using System.Diagnostics;

namespace Berth.Bench.Servers;

/// <summary>
/// Writes the one-user htpasswd file Distribution's htpasswd auth reads. Distribution accepts only
/// bcrypt entries, so the file comes from Apache's own tool (Debian's apache2-utils) with -B.
/// </summary>
public static class HtpasswdFile
{
    public static async Task WriteAsync(string path, string credentials, CancellationToken cancellationToken)
    {
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        var start = new ProcessStartInfo("htpasswd")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // -i reads the password from stdin: it never shows in the process list, unlike -b.
        foreach (var argument in new[] { "-B", "-i", "-c", path, credentials[..colon] })
        {
            start.ArgumentList.Add(argument);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Win32Exception)
        {
            process = null;
        }

        using var htpasswd = process ?? throw new RegistryStartException(
            "htpasswd is missing (Distribution's htpasswd auth needs bcrypt entries): apt-get install -y apache2-utils");
        await htpasswd.StandardInput.WriteLineAsync(credentials.AsMemory(colon + 1), cancellationToken);
        htpasswd.StandardInput.Close();
        var output = htpasswd.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = await htpasswd.StandardError.ReadToEndAsync(cancellationToken);
        await output;
        await htpasswd.WaitForExitAsync(cancellationToken);
        if (htpasswd.ExitCode != 0)
        {
            throw new RegistryStartException($"htpasswd exited with code {htpasswd.ExitCode}: {errors.Trim()}");
        }
    }
}
