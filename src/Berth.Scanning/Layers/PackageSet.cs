using Berth.Scanning.Packages;

namespace Berth.Scanning.Layers;

/// <summary>The packages one file recorded (a dpkg status file, a package.json, a jar, a Go binary).</summary>
public sealed record PackageSet(string FilePath, IReadOnlyList<Package> Packages);
