namespace Berth.Api.Robots;

/// <summary>
/// Harbor's <c>RobotCreate</c> (POST) and <c>Robot</c> (PUT) bodies. Everything is optional here so that a
/// missing field gets a 400 naming it rather than a silent default.
/// </summary>
public sealed class RobotRequest
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Level { get; set; }
    /// <summary>Days until the robot expires, or -1 for never.</summary>
    public int? Duration { get; set; }
    public bool? Disable { get; set; }
    public List<RobotPermissionJson>? Permissions { get; set; }
}
