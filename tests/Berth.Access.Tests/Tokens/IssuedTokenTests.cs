using Berth.Access.Tokens;

namespace Berth.Access.Tests.Tokens;

public sealed class IssuedTokenTests
{
    [Fact]
    public void ExpiresInSeconds_IsTheLifetime()
    {
        var issued = ManualTimeProvider.DefaultStart;

        Assert.Equal(1800, new IssuedToken("t", issued, issued.AddMinutes(30)).ExpiresInSeconds);
    }
}
