using Berth.Scanning.Packages;

namespace Berth.Scanning.Analyzers.Language.Go;

/// <summary>
/// The modules a Go binary was built from, from its build info: tab-separated lines <c>mod path version
/// sum</c> (the main module), <c>dep path version sum</c>, and <c>=&gt; path version sum</c> replacing the
/// dep just before it. The toolchain becomes the <c>stdlib</c> module. "(devel)" versions (a main module
/// built from a checkout) and local replacements (no version) name nothing an advisory can match.
/// </summary>
public static class GoModuleInfo
{
    public static IReadOnlyList<Package> ToPackages(GoBuildInfo info, string filePath)
    {
        var packages = new List<Package>();
        if (GoToolchainVersion.ToStdlib(info.GoVersion) is { } stdlib)
            packages.Add(Module(GoToolchainVersion.StdlibModule, stdlib, filePath));

        (string Path, string Version)? pending = null;
        foreach (var rawLine in info.ModuleInfo.Split('\n'))
        {
            var fields = rawLine.TrimEnd('\r').Split('\t');
            switch (fields[0])
            {
                case "mod" or "dep" when fields.Length >= 3:
                    Flush();
                    pending = (fields[1], fields[2]);
                    break;
                case "=>" when pending is not null:
                    pending = fields.Length >= 3 ? (fields[1], fields[2]) : (fields.Length >= 2 ? fields[1] : "", "");
                    break;
            }
        }
        Flush();
        return packages;

        void Flush()
        {
            if (pending is { } module && module.Path.Length > 0 && module.Version.Length > 0 && module.Version != "(devel)")
                packages.Add(Module(module.Path, module.Version, filePath));
            pending = null;
        }
    }

    private static Package Module(string path, string version, string filePath) =>
        new() { Name = path, Version = version, Ecosystem = Ecosystem.Go, FilePath = filePath };
}
