using Berth.Access.Authentication;

namespace Berth.Access.Robots;

/// <summary>
/// A robot's level and the account name it implies: project robots are <c>robot$&lt;project&gt;+&lt;name&gt;</c>
/// (Harbor's format, so two projects may each have a robot called <c>ci</c>), system robots <c>robot$&lt;name&gt;</c>.
/// </summary>
public static class RobotLevel
{
    public const string Project = "project";
    public const string System = "system";

    public static string AccountName(string level, string? projectName, string name) =>
        level == Project ? $"{CredentialVerifier.RobotPrefix}{projectName}+{name}" : $"{CredentialVerifier.RobotPrefix}{name}";
}
