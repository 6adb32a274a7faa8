namespace Berth.Policy.Tests.Vulnerabilities;

/// <summary>A clock the test moves, so allowlist expiry is checked without waiting.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    // Elapsed time (the policy memo's age) follows the same manual clock.
    public override long GetTimestamp() => Now.UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;
}
