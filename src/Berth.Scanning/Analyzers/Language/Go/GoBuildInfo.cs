namespace Berth.Scanning.Analyzers.Language.Go;

/// <summary>What a Go binary says about its build: the toolchain ("go1.21.4") and the module lines.</summary>
public sealed record GoBuildInfo(string GoVersion, string ModuleInfo);
