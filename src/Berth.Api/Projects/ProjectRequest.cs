using Berth.Api.System;

namespace Berth.Api.Projects;

/// <summary>Harbor's <c>ProjectReq</c>: a name, visibility, metadata keys as strings and the project's own CVE allowlist.</summary>
public sealed class ProjectRequest
{
    public string? ProjectName { get; set; }
    public bool? Public { get; set; }
    public Dictionary<string, string>? Metadata { get; set; }
    /// <summary>When present, replaces the project's own list (which applies when <c>reuse_sys_cve_allowlist</c> is false).</summary>
    public CveAllowlistJson? CveAllowlist { get; set; }
}
