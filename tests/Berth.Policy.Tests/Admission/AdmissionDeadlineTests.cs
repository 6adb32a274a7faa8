using Berth.Policy.Admission;

namespace Berth.Policy.Tests.Admission;

public sealed class AdmissionDeadlineTests
{
    private static readonly TimeSpan Fallback = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("10s", 10_000)]
    [InlineData("3s", 3_000)]
    [InlineData("500ms", 500)]
    [InlineData("1.5s", 1_500)]
    [InlineData("1m30s", 30_000)]
    [InlineData("1h", 30_000)]
    [InlineData(null, 10_000)]
    [InlineData("", 10_000)]
    [InlineData("ten", 10_000)]
    [InlineData("10", 10_000)]
    [InlineData("0s", 10_000)]
    [InlineData("-5s", 10_000)]
    public void Timeout_ReadsGoDurations_CappedAtThirtySeconds(string? query, int milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), AdmissionDeadline.Timeout(query, Fallback));
    }

    [Fact]
    public void Deadline_IsEightyPercentOfTheTimeout()
    {
        Assert.Equal(TimeSpan.FromSeconds(8), AdmissionDeadline.For(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void VerdictCache_IsBounded()
    {
        var cache = new AdmissionVerdictCache(TimeProvider.System, 3);
        for (var i = 0; i < 10; i++) cache.Store("shop/web", Berth.Core.Digest.Compute([(byte)i]), 1, PolicyVerdict.Allowed);

        Assert.InRange(cache.Count, 1, 3);
        Assert.Null(cache.Find("shop/web", Berth.Core.Digest.Compute([9]), 2));
        Assert.Same(PolicyVerdict.Allowed, cache.Find("shop/web", Berth.Core.Digest.Compute([9]), 1));
    }
}
