using Berth.Access.Passwords;

namespace Berth.Access.Tests.Passwords;

public sealed class GeneratedSecretTests
{
    private const string ExpectedAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    [Fact]
    public void Create_DefaultLength_Is32() => Assert.Equal(32, GeneratedSecret.Create().Length);

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(64)]
    public void Create_GivenLength_IsHonored(int length) => Assert.Equal(length, GeneratedSecret.Create(length).Length);

    [Fact]
    public void Create_UsesOnlyCharactersThatCannotBeMisread()
    {
        var seen = new HashSet<char>();
        for (var i = 0; i < 1000; i++) seen.UnionWith(GeneratedSecret.Create());

        Assert.DoesNotContain('0', seen);
        Assert.DoesNotContain('O', seen);
        Assert.DoesNotContain('1', seen);
        Assert.DoesNotContain('l', seen);
        Assert.DoesNotContain('I', seen);
        // 32 000 draws from 57 characters: every one of them turns up (a miss has odds around e^-560).
        Assert.Equal(ExpectedAlphabet.OrderBy(c => c), seen.OrderBy(c => c));
    }

    [Fact]
    public void Create_ManyTimes_NeverRepeats()
    {
        var secrets = Enumerable.Range(0, 1000).Select(_ => GeneratedSecret.Create()).ToList();

        Assert.Equal(secrets.Count, secrets.Distinct(StringComparer.Ordinal).Count());
    }
}
