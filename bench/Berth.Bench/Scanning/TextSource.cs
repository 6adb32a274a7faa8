namespace Berth.Bench.Scanning;

/// <summary>
/// Seeded pseudo-text for generated files: a pool of words (lowercase letters, spaces, newlines) that gzip shrinks
/// roughly as it does real text, from which files take slices at random offsets.
/// </summary>
public sealed class TextSource
{
    private const int PoolBytes = 4 * 1024 * 1024;

    private readonly byte[] _pool = new byte[PoolBytes];
    private ulong _state;

    public TextSource(ulong seed)
    {
        _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;
        // Words drawn from a small vocabulary repeat the way identifiers and prose do, so gzip finds matches.
        var vocabulary = Enumerable.Range(0, 2048)
            .Select(_ => Enumerable.Range(0, 2 + (int)(Next() % 9)).Select(_ => (byte)('a' + (int)(Next() % 26))).ToArray())
            .ToArray();
        var position = 0;
        var lineLength = 0;
        while (position < _pool.Length)
        {
            var word = vocabulary[Next() % (ulong)vocabulary.Length];
            var take = Math.Min(word.Length, _pool.Length - position);
            word.AsSpan(0, take).CopyTo(_pool.AsSpan(position));
            position += take;
            lineLength += take + 1;
            if (position < _pool.Length) _pool[position++] = lineLength > 72 ? (byte)'\n' : (byte)' ';
            if (lineLength > 72) lineLength = 0;
        }
    }

    /// <summary>xorshift64: fast and seeded, so every run generates the same layer.</summary>
    public ulong Next()
    {
        _state ^= _state << 13;
        _state ^= _state >> 7;
        _state ^= _state << 17;
        return _state;
    }

    public int Between(int min, int max) => min + (int)(Next() % (ulong)(max - min + 1));

    /// <summary>Up to <paramref name="length"/> bytes (at most the pool's size) of text from a random place.</summary>
    public ReadOnlyMemory<byte> Slice(int length)
    {
        length = Math.Min(length, PoolBytes);
        var start = (int)(Next() % (ulong)(PoolBytes - length + 1));
        return _pool.AsMemory(start, length);
    }
}
