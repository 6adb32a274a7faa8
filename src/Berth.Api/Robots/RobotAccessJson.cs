namespace Berth.Api.Robots;

/// <summary>Harbor's <c>Access</c>: one action on one resource (<c>effect</c> is accepted and ignored, as Harbor only allows).</summary>
public sealed class RobotAccessJson
{
    public string? Resource { get; set; }
    public string? Action { get; set; }
    public string? Effect { get; set; }
}
