namespace Berth.Scanning.Analyzers.Language.Go;

/// <summary>
/// Turns a toolchain version ("go1.21.4", "go1.22.0 X:boringcrypto", "go1.20-20230101") into the version of
/// the <c>stdlib</c> pseudo-module advisories use ("1.21.4"). Development toolchains ("devel go1.23-abc")
/// name no release and give null.
/// </summary>
public static class GoToolchainVersion
{
    public const string StdlibModule = "stdlib";

    public static string? ToStdlib(string? toolchain)
    {
        if (toolchain is null) return null;
        var version = toolchain.Trim();
        if (!version.StartsWith("go", StringComparison.Ordinal)) return null;
        version = version[2..];
        var cut = version.IndexOfAny([' ', '\t']);
        if (cut >= 0) version = version[..cut];
        cut = version.IndexOf("-X:", StringComparison.Ordinal);
        if (cut >= 0) version = version[..cut];
        return version.Length > 0 && char.IsAsciiDigit(version[0]) ? version : null;
    }
}
