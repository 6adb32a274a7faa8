using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Berth.Storage.FileSystem;

/// <summary>
/// A block of native memory aligned to <see cref="DirectIo.Alignment"/>, as O_DIRECT writes require of the
/// source buffer. Blocks come from a small pool, so that an upload request does not allocate, page-fault and
/// free a fresh MiB of native memory each time.
/// </summary>
internal sealed unsafe class AlignedBlock : MemoryManager<byte>
{
    private static readonly ConcurrentBag<AlignedBlock> Pool = [];
    private static int _pooled;

    // Two blocks per upload request in flight; more concurrent uploads than this allocate and free.
    private static readonly int PoolLimit = Math.Max(8, Environment.ProcessorCount * 8);

    private readonly byte* _pointer;
    private readonly int _length;

    private AlignedBlock(int length)
    {
        _length = length;
        _pointer = (byte*)NativeMemory.AlignedAlloc((nuint)length, DirectIo.Alignment);
    }

    public static AlignedBlock Rent(int length)
    {
        while (Pool.TryTake(out var block))
        {
            Interlocked.Decrement(ref _pooled);
            if (block._length == length) return block;
            block.Free();
        }
        return new AlignedBlock(length);
    }

    public static void Return(AlignedBlock block)
    {
        if (Interlocked.Increment(ref _pooled) <= PoolLimit)
        {
            Pool.Add(block);
            return;
        }
        Interlocked.Decrement(ref _pooled);
        block.Free();
    }

    public override Span<byte> GetSpan() => new(_pointer, _length);

    public override MemoryHandle Pin(int elementIndex = 0) => new(_pointer + elementIndex);

    public override void Unpin()
    {
        // Native memory never moves.
    }

    protected override void Dispose(bool disposing)
    {
        // Blocks live in the pool for the life of the process; Free releases one the pool turns away.
    }

    private void Free() => NativeMemory.AlignedFree(_pointer);
}
