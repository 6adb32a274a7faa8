using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Berth.Scanning.Tests.Layers;

/// <summary>Builds real layer tars (and their gzip/zstd forms) in memory, entry by entry, as test input.</summary>
public sealed class TestLayer
{
    private readonly List<TarEntry> _entries = [];

    public TestLayer File(string name, string content) => File(name, Encoding.UTF8.GetBytes(content));

    public TestLayer File(string name, byte[] content)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
        return this;
    }

    public TestLayer Directory(string name)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.Directory, name));
        return this;
    }

    public TestLayer Symlink(string name, string target)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = target });
        return this;
    }

    public TestLayer HardLink(string name, string target)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.HardLink, name) { LinkName = target });
        return this;
    }

    public TestLayer CharacterDevice(string name)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.CharacterDevice, name) { DeviceMajor = 1, DeviceMinor = 3 });
        return this;
    }

    /// <summary>Deletes <paramref name="path"/> from the layers below (".wh.name" beside it).</summary>
    public TestLayer Whiteout(string path)
    {
        var slash = path.LastIndexOf('/');
        return File(slash < 0 ? ".wh." + path : path[..(slash + 1)] + ".wh." + path[(slash + 1)..], "");
    }

    /// <summary>Hides everything the layers below put under <paramref name="directory"/>.</summary>
    public TestLayer Opaque(string directory) => File(directory + "/.wh..wh..opq", "");

    /// <summary>Every file under <paramref name="root"/>, named relative to it (a fixture laid out as an image root).</summary>
    public TestLayer FromDirectory(string root)
    {
        foreach (var path in System.IO.Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            File(Path.GetRelativePath(root, path).Replace('\\', '/'), System.IO.File.ReadAllBytes(path));
        return this;
    }

    public byte[] Tar()
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, leaveOpen: true))
        {
            foreach (var entry in _entries)
            {
                entry.DataStream?.Seek(0, SeekOrigin.Begin);
                writer.WriteEntry(entry);
            }
        }
        return buffer.ToArray();
    }

    public byte[] Gzip() => Compress(Tar(), s => new GZipStream(s, CompressionLevel.Fastest, leaveOpen: true));

    public byte[] Zstd() => Compress(Tar(), s => new ZstdSharp.CompressionStream(s, 3, leaveOpen: true));

    public static string DiffIdOf(byte[] tar) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(tar));

    public static byte[] Compress(byte[] data, Func<Stream, Stream> compressor)
    {
        using var buffer = new MemoryStream();
        using (var compressed = compressor(buffer)) compressed.Write(data);
        return buffer.ToArray();
    }
}
