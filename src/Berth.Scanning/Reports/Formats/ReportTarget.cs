using Berth.Scanning.Matching;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Reports.Formats;

/// <summary>
/// One result of a report, as Trivy groups them: the OS packages (Class os-pkgs, Type the family) or one language
/// target (Class lang-pkgs, Type node-pkg, gobinary, …).
/// </summary>
public sealed record ReportTarget(string Name, string Class, string Type, IReadOnlyList<Package> Packages, IReadOnlyList<Finding> Findings)
{
    public const string OsPackages = "os-pkgs";

    public const string LanguagePackages = "lang-pkgs";
}
