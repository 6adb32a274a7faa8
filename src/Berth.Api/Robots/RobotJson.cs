using Berth.Access.Authentication;
using Berth.Metadata.Access;

namespace Berth.Api.Robots;

/// <summary>Harbor's <c>Robot</c> as GET answers it: never with the secret.</summary>
public sealed record RobotJson(
    long Id,
    string Name,
    string Description,
    string Level,
    int Duration,
    bool Editable,
    bool Disable,
    long ExpiresAt,
    IReadOnlyList<RobotPermissionJson> Permissions,
    DateTimeOffset CreationTime,
    DateTimeOffset UpdateTime)
{
    public static RobotJson From(RobotRecord robot) => new(
        robot.Id, robot.Name, robot.Description, robot.Level, robot.DurationDays, true, robot.Disabled, UnixExpiry(robot.ExpiresAt),
        RobotPermissions.Parse(robot.PermissionsJson).Select(RobotPermissionJson.From).ToList(), robot.CreatedAt, robot.UpdatedAt);

    /// <summary>Harbor's <c>expires_at</c>: unix seconds, or -1 for a robot that never expires.</summary>
    public static long UnixExpiry(DateTimeOffset? expiresAt) => expiresAt?.ToUnixTimeSeconds() ?? -1;
}
