using Berth.Metadata.Access;

namespace Berth.Policy.Vulnerabilities;

/// <summary>
/// The CVE allowlist that applies to a project's pulls, as Harbor's <c>loadEffectCVEAllowlists</c> picks it: the
/// system list when <c>reuse_sys_cve_allowlist</c> is true or absent, else the project's own; never both. An
/// expired list is ignored as a whole. <see cref="ValidUntil"/> is the expiry of a list still in force.
/// </summary>
public sealed record EffectiveCveAllowlist(IReadOnlySet<string> Ids, DateTimeOffset? ValidUntil)
{
    public const string ReuseSystemKey = "reuse_sys_cve_allowlist";

    public static EffectiveCveAllowlist Empty { get; } = new(new HashSet<string>(), null);

    /// <summary>True when the project reads the system list: the key is absent, "true" or "1".</summary>
    public static bool UsesSystemList(ProjectRecord project) =>
        !project.Metadata.TryGetValue(ReuseSystemKey, out var value) || value.Trim() is "true" or "1";

    /// <summary>The list that applies at <paramref name="now"/>: empty when there is none or it has expired.</summary>
    public static EffectiveCveAllowlist Of(CveAllowlist? list, DateTimeOffset now)
    {
        if (list is null || list.IsExpired(now)) return Empty;
        return new EffectiveCveAllowlist(new HashSet<string>(list.Items.Select(id => id.Trim()), StringComparer.OrdinalIgnoreCase), list.ExpiresAt);
    }

    /// <summary>A finding is exempt when its id, or any id it is also known by, is listed.</summary>
    public bool Exempts(ReportFinding finding)
    {
        if (Ids.Count == 0) return false;
        if (Ids.Contains(finding.Id)) return true;
        foreach (var alias in finding.Aliases)
        {
            if (Ids.Contains(alias)) return true;
        }
        return false;
    }
}
