namespace Berth.Api.Robots;

/// <summary>Harbor's <c>RobotSec</c>: the PATCH body (a secret to set, or none to have one generated) and its answer.</summary>
public sealed class RobotSecretJson
{
    public string? Secret { get; set; }
}
