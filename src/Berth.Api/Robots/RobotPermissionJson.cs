using Berth.Access.Identity;

namespace Berth.Api.Robots;

/// <summary>Harbor's <c>RobotPermission</c>: what a robot may do in one namespace (a project, <c>*</c>, or <c>/</c> for the system).</summary>
public sealed class RobotPermissionJson
{
    public string? Kind { get; set; }
    public string? Namespace { get; set; }
    public List<RobotAccessJson>? Access { get; set; }

    public static RobotPermissionJson From(RobotGrant grant) => new()
    {
        Kind = grant.Kind,
        Namespace = grant.Namespace,
        Access = grant.Access.Select(a => new RobotAccessJson { Resource = a.Resource, Action = a.Action }).ToList(),
    };
}
