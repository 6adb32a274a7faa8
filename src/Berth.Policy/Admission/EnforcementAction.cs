namespace Berth.Policy.Admission;

/// <summary>Gatekeeper's <c>spec.enforcementAction</c>: refuse, warn the client, or only record.</summary>
public enum EnforcementAction
{
    Deny,
    Warn,
    DryRun,
}
