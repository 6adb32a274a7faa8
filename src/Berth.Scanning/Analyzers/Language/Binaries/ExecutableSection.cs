namespace Berth.Scanning.Analyzers.Language.Binaries;

/// <summary>
/// A named section or a loadable segment of an executable: where its bytes are in the file and, for
/// segments, at which virtual address they are mapped (pointers inside the program use addresses).
/// </summary>
public readonly record struct ExecutableSection(string Name, ulong Address, long FileOffset, long FileSize);
