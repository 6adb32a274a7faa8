namespace Berth.Scanning.Layers;

/// <summary>
/// One tar entry with its metadata headers (PAX, GNU long names) already applied. <see cref="Content"/> reads the
/// entry's data and is valid only until the next call to <see cref="TarArchiveReader.NextAsync"/>.
/// </summary>
internal sealed record TarEntry(string Name, TarEntryKind Kind, char TypeFlag, long Size, string LinkName, Stream Content);
