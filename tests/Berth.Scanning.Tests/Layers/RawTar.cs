using System.Text;

namespace Berth.Scanning.Tests.Layers;

/// <summary>Hand-made tar headers, for the hostile cases a well-behaved tar writer refuses to produce.</summary>
public static class RawTar
{
    public static byte[] Header(string name, long size, char typeFlag = '0', bool base256Size = false, bool breakChecksum = false)
    {
        var header = new byte[512];
        Encoding.ASCII.GetBytes(name).CopyTo(header, 0);
        Encoding.ASCII.GetBytes("0000644\0").CopyTo(header, 100);
        Encoding.ASCII.GetBytes("0000000\0").CopyTo(header, 108);
        Encoding.ASCII.GetBytes("0000000\0").CopyTo(header, 116);
        if (base256Size)
        {
            header[124] = 0x80;
            for (var i = 0; i < 8; i++) header[135 - i] = (byte)(size >> (8 * i));
        }
        else
        {
            Encoding.ASCII.GetBytes(Convert.ToString(size, 8).PadLeft(11, '0') + "\0").CopyTo(header, 124);
        }
        Encoding.ASCII.GetBytes("00000000000\0").CopyTo(header, 136);
        header[156] = (byte)typeFlag;
        "ustar\0"u8.ToArray().CopyTo(header, 257);
        "00"u8.ToArray().CopyTo(header, 263);
        for (var i = 148; i < 156; i++) header[i] = (byte)' ';
        var sum = header.Sum(b => (long)b) + (breakChecksum ? 1 : 0);
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(header, 148);
        return header;
    }
}
