using System.IO.Compression;

namespace Berth.Bench.Scanning;

/// <summary>
/// Writes a large layer (tar.gz, streamed: nothing is held whole) shaped like a fat application image: many small
/// files (some extensionless, as in bin directories, which the executable analyzer opens), the real package databases
/// and language fixtures from shared/testdata/packages, dpkg file lists, a node_modules tree of package.json files,
/// copies of a real Go binary, one Go binary padded to hundreds of MiB, and a few huge data files.
/// </summary>
public static class SyntheticLayer
{
    private const int MiB = 1024 * 1024;

    /// <param name="packagesDirectory">shared/testdata/packages: fixtures laid out as root filesystems per sample.</param>
    public static async Task<SyntheticLayerShape> WriteAsync(
        string path, long targetBytes, string packagesDirectory, ulong seed, CancellationToken cancellationToken)
    {
        var text = new TextSource(seed);
        var goBinary = await File.ReadAllBytesAsync(Path.Combine(packagesDirectory, "go", "binary", "executable_gobinary"), cancellationToken);
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, MiB, FileOptions.Asynchronous);
        await using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        await using var buffered = new BufferedStream(gzip, MiB);
        var tar = new UstarWriter(buffered);

        await WriteOsDatabasesAsync(tar, packagesDirectory, cancellationToken);
        await WriteFixturesAsync(tar, packagesDirectory, cancellationToken);
        var nodePackages = await WriteNodeModulesAsync(tar, text, targetBytes / 10, cancellationToken);
        for (var i = 0; i < 8; i++) await tar.WriteFileAsync($"usr/local/bin/go-tool-{i}", goBinary, cancellationToken);
        await WritePaddedAsync(tar, "usr/local/bin/huge-go-tool", goBinary, targetBytes / 6, text, cancellationToken);
        for (var i = 0; i < 2; i++) await WritePaddedAsync(tar, $"opt/data/volume-{i}.img", ReadOnlyMemory<byte>.Empty, targetBytes / 6, text, cancellationToken);
        var smallFiles = await WriteSmallFilesAsync(tar, text, targetBytes - tar.Written, cancellationToken);
        await tar.FinishAsync(cancellationToken);
        return new SyntheticLayerShape(tar.Files, smallFiles, nodePackages, tar.Written);
    }

    // One of each OS database at the path its analyzer reads; dpkg lists name the small files, so language analysis
    // must check them against what OS packages installed.
    private static async Task WriteOsDatabasesAsync(UstarWriter tar, string packages, CancellationToken cancellationToken)
    {
        await tar.WriteFileAsync("etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n"u8.ToArray(), cancellationToken);
        await CopyAsync(tar, "var/lib/dpkg/status", Path.Combine(packages, "dpkg", "ubuntu-18.04", "var", "lib", "dpkg", "status"), cancellationToken);
        await CopyAsync(tar, "lib/apk/db/installed", Path.Combine(packages, "apk", "alpine-3.18", "lib", "apk", "db", "installed"), cancellationToken);
        var rpmdb = Directory.EnumerateFiles(Path.Combine(packages, "rpm"), "rpmdb.sqlite", SearchOption.AllDirectories).FirstOrDefault();
        if (rpmdb is not null) await CopyAsync(tar, "var/lib/rpm/rpmdb.sqlite", rpmdb, cancellationToken);
        for (var list = 0; list < 200; list++)
        {
            var lines = string.Concat(Enumerable.Range(0, 200).Select(i => $"/usr/share/bench/d{list:D3}/f{i:D5}\n"));
            await tar.WriteFileAsync($"var/lib/dpkg/info/bench-{list}.list", System.Text.Encoding.ASCII.GetBytes(lines), cancellationToken);
        }
    }

    private static async Task WriteFixturesAsync(UstarWriter tar, string packages, CancellationToken cancellationToken)
    {
        foreach (var source in Directory.EnumerateFiles(packages, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(packages, source).Replace('\\', '/');
            await CopyAsync(tar, "srv/fixtures/" + relative, source, cancellationToken);
        }
    }

    private static async Task<int> WriteNodeModulesAsync(UstarWriter tar, TextSource text, long budget, CancellationToken cancellationToken)
    {
        var start = tar.Written;
        var count = 0;
        while (tar.Written - start < budget)
        {
            var name = $"bench-pkg-{count}";
            var version = $"{count % 7}.{count % 13}.{count % 5}";
            var json = $"{{\n  \"name\": \"{name}\",\n  \"version\": \"{version}\",\n  \"description\": \"generated\",\n  \"main\": \"index.js\",\n  \"license\": \"MIT\",\n  \"dependencies\": {{ \"ms\": \"^2.1.0\" }}\n}}\n";
            var directory = $"usr/lib/node_modules/app/node_modules/{name}";
            await tar.WriteFileAsync(directory + "/package.json", System.Text.Encoding.ASCII.GetBytes(json), cancellationToken);
            await tar.WriteFileAsync(directory + "/index.js", text.Slice(text.Between(1024, 8192)), cancellationToken);
            count++;
        }
        return count;
    }

    private static async Task WritePaddedAsync(
        UstarWriter tar, string path, ReadOnlyMemory<byte> head, long size, TextSource text, CancellationToken cancellationToken)
    {
        size = Math.Max(size, head.Length);
        await tar.BeginFileAsync(path, size, cancellationToken);
        if (head.Length > 0) await tar.WriteContentAsync(head, cancellationToken);
        for (var left = size - head.Length; left > 0;)
        {
            var slice = text.Slice((int)Math.Min(left, MiB));
            await tar.WriteContentAsync(slice, cancellationToken);
            left -= slice.Length;
        }
    }

    private static async Task<int> WriteSmallFilesAsync(UstarWriter tar, TextSource text, long budget, CancellationToken cancellationToken)
    {
        var start = tar.Written;
        var count = 0;
        while (tar.Written - start < budget)
        {
            // Every fourth file has no extension, as programs and scripts in bin directories.
            var name = (count % 4) switch
            {
                0 => $"usr/share/bench/d{count / 4 / 200 % 1000:D3}/f{count / 4 % 200:D5}",
                1 => $"usr/share/doc/bench/d{count / 200:D4}/f{count:D6}.txt",
                2 => $"usr/lib/bench/d{count / 200:D4}/m{count:D6}.py",
                _ => $"usr/bin/bench-{count:D6}",
            };
            await tar.WriteFileAsync(name, text.Slice(text.Between(512, 16 * 1024)), cancellationToken);
            count++;
        }
        return count;
    }

    private static async Task CopyAsync(UstarWriter tar, string path, string source, CancellationToken cancellationToken) =>
        await tar.WriteFileAsync(path, await File.ReadAllBytesAsync(source, cancellationToken), cancellationToken);
}
