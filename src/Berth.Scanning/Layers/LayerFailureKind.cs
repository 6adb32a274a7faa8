namespace Berth.Scanning.Layers;

/// <summary>Why a layer could not be analyzed. Each kind is a property of the layer's bytes, not of the scanner.</summary>
public enum LayerFailureKind
{
    /// <summary>The compressed stream is damaged (bad gzip/zstd data or header).</summary>
    CorruptCompression,

    /// <summary>The tar stream is damaged: a bad header checksum or a field that cannot be read.</summary>
    CorruptArchive,

    /// <summary>The data ends inside a header or inside a file's content.</summary>
    TruncatedArchive,

    /// <summary>The layer expands to more than <see cref="ScanLimits.MaxLayerUncompressedBytes"/>.</summary>
    TooLarge,

    /// <summary>The layer holds more than <see cref="ScanLimits.MaxLayerEntries"/> tar entries.</summary>
    TooManyEntries,

    /// <summary>The uncompressed bytes do not hash to the diff id the image config names.</summary>
    DiffIdMismatch,
}
