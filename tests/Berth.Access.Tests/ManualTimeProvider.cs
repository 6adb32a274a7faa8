namespace Berth.Access.Tests;

/// <summary>A clock that stands still until a test moves it, so expiry is tested without waiting.</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    /// <summary>A whole second, so times survive the round trip through JWT's seconds-since-epoch claims.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private DateTimeOffset _now;

    public ManualTimeProvider() : this(DefaultStart)
    {
    }

    public ManualTimeProvider(DateTimeOffset start) => _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset now) => _now = now;
}
