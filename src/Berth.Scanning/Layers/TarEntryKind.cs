namespace Berth.Scanning.Layers;

/// <summary>What a tar entry is, as far as layer analysis cares.</summary>
internal enum TarEntryKind
{
    RegularFile,
    Directory,
    SymbolicLink,
    HardLink,
    /// <summary>Character/block devices, FIFOs, GNU sparse files and unknown type flags: never analyzed.</summary>
    Other,
}
