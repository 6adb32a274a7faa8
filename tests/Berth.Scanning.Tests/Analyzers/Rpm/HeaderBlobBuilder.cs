using System.Buffers.Binary;
using System.Text;

namespace Berth.Scanning.Tests.Analyzers.Rpm;

/// <summary>Writes RPM header blobs as rpm stores them, including deliberately lying index entries.</summary>
public sealed class HeaderBlobBuilder
{
    private readonly List<(int Tag, int Type, uint Offset, uint Count)> _entries = [];
    private readonly MemoryStream _data = new();

    public HeaderBlobBuilder String(int tag, string value) => Add(tag, 6, 1, Encoding.UTF8.GetBytes(value + "\0"));

    public HeaderBlobBuilder StringArray(int tag, params string[] values) =>
        Add(tag, 8, (uint)values.Length, Encoding.UTF8.GetBytes(string.Concat(values.Select(v => v + "\0"))));

    public HeaderBlobBuilder Int32(int tag, params uint[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(i * 4), values[i]);
        return Add(tag, 4, (uint)values.Length, bytes);
    }

    /// <summary>An index entry whose offset and count are whatever the test says, pointing at no data of its own.</summary>
    public HeaderBlobBuilder Raw(int tag, int type, uint offset, uint count)
    {
        _entries.Add((tag, type, offset, count));
        return this;
    }

    /// <summary>Adds data bytes without an entry (e.g. a string missing its NUL) and returns their offset.</summary>
    public HeaderBlobBuilder RawData(byte[] bytes, out uint offset)
    {
        offset = (uint)_data.Length;
        _data.Write(bytes);
        return this;
    }

    public byte[] Build(int? indexCount = null, int? dataLength = null)
    {
        var data = _data.ToArray();
        var blob = new byte[8 + _entries.Count * 16 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(blob, indexCount ?? _entries.Count);
        BinaryPrimitives.WriteInt32BigEndian(blob.AsSpan(4), dataLength ?? data.Length);
        for (var i = 0; i < _entries.Count; i++)
        {
            var entry = blob.AsSpan(8 + i * 16);
            BinaryPrimitives.WriteInt32BigEndian(entry, _entries[i].Tag);
            BinaryPrimitives.WriteInt32BigEndian(entry[4..], _entries[i].Type);
            BinaryPrimitives.WriteUInt32BigEndian(entry[8..], _entries[i].Offset);
            BinaryPrimitives.WriteUInt32BigEndian(entry[12..], _entries[i].Count);
        }
        data.CopyTo(blob.AsSpan(8 + _entries.Count * 16));
        return blob;
    }

    /// <summary>A well-formed package: name, version, release, arch and source rpm.</summary>
    public static HeaderBlobBuilder Package(string name, string version = "1.0", string release = "1", string? vendor = null)
    {
        var builder = new HeaderBlobBuilder()
            .String(1000, name).String(1001, version).String(1002, release).String(1022, "x86_64")
            .String(1044, $"{name}-{version}-{release}.src.rpm");
        return vendor is null ? builder : builder.String(1011, vendor);
    }

    private HeaderBlobBuilder Add(int tag, int type, uint count, byte[] bytes)
    {
        // INT32 data is 4-aligned in real headers; keep it so, as rpm would.
        while (type == 4 && _data.Length % 4 != 0) _data.WriteByte(0);
        _entries.Add((tag, type, (uint)_data.Length, count));
        _data.Write(bytes);
        return this;
    }
}
