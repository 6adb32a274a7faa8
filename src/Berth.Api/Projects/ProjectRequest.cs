namespace Berth.Api.Projects;

/// <summary>Harbor's <c>ProjectReq</c>: a name, visibility and metadata keys as strings.</summary>
public sealed class ProjectRequest
{
    public string? ProjectName { get; set; }
    public bool? Public { get; set; }
    public Dictionary<string, string>? Metadata { get; set; }
}
