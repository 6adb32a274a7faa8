using Berth.Access.Throttling;

namespace Berth.Access.Tests.Throttling;

public sealed class LoginThrottleTests
{
    private readonly ManualTimeProvider _clock = new();

    private LoginThrottle Throttle() => new(_clock) { MaxFailures = 3, Window = TimeSpan.FromMinutes(5) };

    private static void Fail(LoginThrottle throttle, string client, int times)
    {
        for (var i = 0; i < times; i++) throttle.RecordFailure(client);
    }

    [Fact]
    public void Defaults_AreTenFailuresInFiveMinutes()
    {
        var throttle = new LoginThrottle(_clock);

        Assert.Equal(10, throttle.MaxFailures);
        Assert.Equal(TimeSpan.FromMinutes(5), throttle.Window);
    }

    [Fact]
    public void UnknownClient_IsNotLockedOut() => Assert.False(Throttle().IsLockedOut("10.0.0.1"));

    [Fact]
    public void FewerThanMaxFailures_IsNotLockedOut()
    {
        var throttle = Throttle();

        Fail(throttle, "10.0.0.1", 2);

        Assert.False(throttle.IsLockedOut("10.0.0.1"));
    }

    [Fact]
    public void MaxFailuresWithinTheWindow_LocksOut()
    {
        var throttle = Throttle();

        Fail(throttle, "10.0.0.1", 2);
        _clock.Advance(TimeSpan.FromMinutes(4));
        Fail(throttle, "10.0.0.1", 1);

        Assert.True(throttle.IsLockedOut("10.0.0.1"));
    }

    [Fact]
    public void Lockout_IsPerClient()
    {
        var throttle = Throttle();

        Fail(throttle, "10.0.0.1", 3);
        Fail(throttle, "10.0.0.2", 2);

        Assert.True(throttle.IsLockedOut("10.0.0.1"));
        Assert.False(throttle.IsLockedOut("10.0.0.2"));
        Assert.False(throttle.IsLockedOut("10.0.0.3"));
    }

    [Fact]
    public void Success_ClearsTheFailures()
    {
        var throttle = Throttle();
        Fail(throttle, "10.0.0.1", 2);

        throttle.RecordSuccess("10.0.0.1");
        Fail(throttle, "10.0.0.1", 2);

        Assert.False(throttle.IsLockedOut("10.0.0.1"));
    }

    [Fact]
    public void Success_EndsALockout()
    {
        var throttle = Throttle();
        Fail(throttle, "10.0.0.1", 3);

        throttle.RecordSuccess("10.0.0.1");

        Assert.False(throttle.IsLockedOut("10.0.0.1"));
    }

    [Fact]
    public void Lockout_LastsUntilTheWindowHasPassed()
    {
        var throttle = Throttle();
        Fail(throttle, "10.0.0.1", 3);

        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(throttle.IsLockedOut("10.0.0.1"));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(throttle.IsLockedOut("10.0.0.1"));
    }

    [Fact]
    public void AfterTheWindow_CountingStartsAgain()
    {
        var throttle = Throttle();
        Fail(throttle, "10.0.0.1", 3);
        _clock.Advance(TimeSpan.FromMinutes(6));

        Fail(throttle, "10.0.0.1", 2);
        Assert.False(throttle.IsLockedOut("10.0.0.1"));

        Fail(throttle, "10.0.0.1", 1);
        Assert.True(throttle.IsLockedOut("10.0.0.1"));
    }

    [Fact]
    public void FailuresSpreadWiderThanTheWindow_DoNotAddUp()
    {
        var throttle = Throttle();

        Fail(throttle, "10.0.0.1", 2);
        _clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Fail(throttle, "10.0.0.1", 1);

        Assert.False(throttle.IsLockedOut("10.0.0.1"));
    }
}
