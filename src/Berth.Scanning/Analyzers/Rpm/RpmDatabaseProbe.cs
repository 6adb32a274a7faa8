using System.Buffers.Binary;

namespace Berth.Scanning.Analyzers.Rpm;

/// <summary>
/// Picks the format from the file's magic, not its name: rpm has moved databases between names and
/// directories, and a file named Packages may hold any of them after a conversion.
/// </summary>
internal static class RpmDatabaseProbe
{
    /// <summary>Bytes of the file's start that <see cref="Detect"/> looks at.</summary>
    public const int HeadLength = 16;

    public static IRpmHeaderBlobReader? Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= SqliteRpmReader.Magic.Length && head.StartsWith(SqliteRpmReader.Magic))
            return new SqliteRpmReader();
        if (head.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(head) == NdbReader.Magic)
            return new NdbReader();
        if (head.Length >= 16 && BerkeleyHashReader.HasMagic(head))
            return new BerkeleyHashReader();
        return null;
    }
}
