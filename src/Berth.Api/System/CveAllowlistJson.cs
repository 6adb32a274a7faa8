using Berth.Api.Http;
using Berth.Metadata.Access;

namespace Berth.Api.System;

/// <summary>Harbor's <c>CVEAllowlist</c> JSON.</summary>
public sealed class CveAllowlistJson
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    /// <summary>Unix seconds; null or absent means the list never expires.</summary>
    public long? ExpiresAt { get; set; }
    public List<CveItem> Items { get; set; } = [];
    public DateTimeOffset? CreationTime { get; set; }
    public DateTimeOffset? UpdateTime { get; set; }

    /// <summary>When the list stops applying: null for never (an absent, null or non-positive <c>expires_at</c>).</summary>
    public DateTimeOffset? Expiry => ExpiresAt is { } seconds and > 0 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    public IReadOnlyList<string> CveIds => Items.Select(i => i.CveId?.Trim() ?? "").ToList();

    /// <summary>Harbor's rules: every item names a CVE, and none twice.</summary>
    public HarborError? Validate()
    {
        var ids = CveIds;
        if (ids.Any(string.IsNullOrEmpty)) return HarborError.BadRequest("every allowlist item needs a cve_id");
        var duplicate = ids.GroupBy(id => id).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? null : HarborError.BadRequest($"{duplicate.Key} is listed more than once");
    }

    /// <summary>The stored list, or an empty one of <paramref name="projectId"/> when none was ever set. The id is the project's: one list each.</summary>
    public static CveAllowlistJson From(CveAllowlist? list, long projectId = CveAllowlist.System) => new()
    {
        Id = list?.ProjectId ?? projectId,
        ProjectId = list?.ProjectId ?? projectId,
        ExpiresAt = list?.ExpiresAt?.ToUnixTimeSeconds(),
        Items = list?.Items.Select(id => new CveItem { CveId = id }).ToList() ?? [],
        CreationTime = list?.CreatedAt,
        UpdateTime = list?.UpdatedAt,
    };

    public sealed class CveItem
    {
        public string? CveId { get; set; }
    }
}
