using System.Net.Http.Headers;
using Berth.Scanning.Images.Remote;

namespace Berth.Scanning.Tests.Images.Remote;

public sealed class BearerChallengeTests
{
    private static BearerChallenge? Parse(params string[] values)
    {
        using var response = new HttpResponseMessage();
        foreach (var value in values) response.Headers.WwwAuthenticate.Add(AuthenticationHeaderValue.Parse(value));
        return BearerChallenge.Of(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public void DistributionsChallenge_GivesRealmServiceAndScope_AndTheTokenAddress()
    {
        var challenge = Parse("Bearer realm=\"https://auth.example/token\",service=\"registry.example\",scope=\"repository:team/app:pull\"");

        Assert.NotNull(challenge);
        Assert.Equal("https://auth.example/token", challenge.Realm.ToString());
        Assert.Equal("https://auth.example/token?service=registry.example&scope=repository%3Ateam%2Fapp%3Apull",
            challenge.TokenAddress("other/repo").ToString());
    }

    [Fact]
    public void ChallengeWithoutScope_AsksForPullOnTheRepository()
    {
        var challenge = Parse("Bearer realm=\"http://127.0.0.1:5000/service/token\",service=\"berth-registry\"");

        Assert.Equal("http://127.0.0.1:5000/service/token?service=berth-registry&scope=repository%3Ateam%2Fapp%3Apull",
            challenge!.TokenAddress("team/app").ToString());
    }

    [Theory]
    [InlineData("Basic realm=\"harbor\"")]
    [InlineData("Bearer realm=\"file:///etc/passwd\"")]
    [InlineData("Bearer service=\"no-realm\"")]
    public void BasicOrNonHttpRealm_IsNoChallengeToFollow(string header) => Assert.Null(Parse(header));
}
