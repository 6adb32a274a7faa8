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

    public IReadOnlyList<string> CveIds => Items.Select(i => i.CveId?.Trim() ?? "").ToList();

    /// <summary>Harbor's rules: every item names a CVE, and none twice.</summary>
    public HarborError? Validate()
    {
        var ids = CveIds;
        if (ids.Any(string.IsNullOrEmpty)) return HarborError.BadRequest("every allowlist item needs a cve_id");
        var duplicate = ids.GroupBy(id => id).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? null : HarborError.BadRequest($"{duplicate.Key} is listed more than once");
    }

    public static CveAllowlistJson From(CveAllowlist? list) => new()
    {
        ProjectId = list?.ProjectId ?? CveAllowlist.System,
        ExpiresAt = list?.ExpiresAt?.ToUnixTimeSeconds(),
        Items = list?.Items.Select(id => new CveItem { CveId = id }).ToList() ?? [],
    };

    public sealed class CveItem
    {
        public string? CveId { get; set; }
    }
}
