namespace Berth.Policy.Admission;

/// <summary>
/// What the rules found for one review, by enforcement action: denials refuse it, warnings reach the client,
/// dry-run findings are only recorded (logged; an audit view can read them later).
/// </summary>
public sealed class AdmissionFindings
{
    public List<string> Denials { get; } = [];
    public List<string> Warnings { get; } = [];
    public List<string> DryRun { get; } = [];

    public void Add(EnforcementAction action, string message) =>
        (action switch
        {
            EnforcementAction.Warn => Warnings,
            EnforcementAction.DryRun => DryRun,
            _ => Denials,
        }).Add(message);
}
