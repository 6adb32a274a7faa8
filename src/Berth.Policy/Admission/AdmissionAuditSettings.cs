namespace Berth.Policy.Admission;

/// <summary>
/// How much the audit view remembers: workloads not seen in a review for <see cref="Retention"/> are forgotten, and
/// at most <see cref="Capacity"/> workloads are kept (the least recently seen go first). A capacity of 0 turns
/// remembering off.
/// </summary>
public sealed record AdmissionAuditSettings(TimeSpan Retention, int Capacity)
{
    public static TimeSpan StandardRetention { get; } = TimeSpan.FromDays(30);

    public const int StandardCapacity = 10_000;

    public static AdmissionAuditSettings Standard { get; } = new(StandardRetention, StandardCapacity);
}
