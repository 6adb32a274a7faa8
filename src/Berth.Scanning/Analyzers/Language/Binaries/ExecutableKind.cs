namespace Berth.Scanning.Analyzers.Language.Binaries;

/// <summary>The executable container formats Go and Rust toolchains write.</summary>
public enum ExecutableKind
{
    Elf,
    MachO,
    Pe,
}
