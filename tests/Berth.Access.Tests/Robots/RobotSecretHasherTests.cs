using System.Security.Cryptography;
using System.Text;
using Berth.Access.Passwords;
using Berth.Access.Robots;

namespace Berth.Access.Tests.Robots;

public sealed class RobotSecretHasherTests
{
    [Fact]
    public void Hash_ThenVerify_SameSecret_IsTrue()
    {
        var secret = GeneratedSecret.Create();

        Assert.True(RobotSecretHasher.Verify(secret, RobotSecretHasher.Hash(secret)));
    }

    [Fact]
    public void Verify_WrongSecret_IsFalse()
    {
        var encoded = RobotSecretHasher.Hash("Abcdefgh23456789");

        Assert.False(RobotSecretHasher.Verify("abcdefgh23456789", encoded));
        Assert.False(RobotSecretHasher.Verify("Abcdefgh2345678", encoded));
        Assert.False(RobotSecretHasher.Verify("", encoded));
    }

    [Fact]
    public void Hash_SameSecretTwice_DiffersBySalt()
    {
        var first = RobotSecretHasher.Hash("Abcdefgh23456789");
        var second = RobotSecretHasher.Hash("Abcdefgh23456789");

        Assert.NotEqual(first, second);
        Assert.True(RobotSecretHasher.Verify("Abcdefgh23456789", first));
        Assert.True(RobotSecretHasher.Verify("Abcdefgh23456789", second));
    }

    [Fact]
    public void Hash_WritesSchemeSaltAndHash()
    {
        var parts = RobotSecretHasher.Hash("Abcdefgh23456789").Split('$');

        Assert.Equal(3, parts.Length);
        Assert.Equal("sha256", parts[0]);
        Assert.Equal(16, Convert.FromBase64String(parts[1]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[2]).Length);
    }

    [Fact]
    public void Verify_StoredFormat_IsSha256OfSaltThenSecret()
    {
        // Pins the stored format: rows written today must verify after any refactoring.
        var salt = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
        var hash = SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes("robot-secret")]);
        var encoded = $"sha256${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";

        Assert.True(RobotSecretHasher.Verify("robot-secret", encoded));
        Assert.False(RobotSecretHasher.Verify("robot-secreT", encoded));
    }

    [Theory]
    [InlineData(0, "sha512")]
    [InlineData(0, "SHA256")]
    [InlineData(0, "")]
    [InlineData(1, "not base64!")]
    [InlineData(2, "not base64!")]
    [InlineData(2, "")]
    [InlineData(2, "AAAA")]
    public void Verify_TamperedPart_IsFalseNotException(int part, string replacement)
    {
        var parts = RobotSecretHasher.Hash("Abcdefgh23456789").Split('$');
        parts[part] = replacement;

        Assert.False(RobotSecretHasher.Verify("Abcdefgh23456789", string.Join('$', parts)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sha256")]
    [InlineData("sha256$c2FsdA==")]
    [InlineData("sha256$c2FsdA==$aGFzaA==$extra")]
    [InlineData("Abcdefgh23456789")]
    public void Verify_MalformedEncoding_IsFalseNotException(string encoded) =>
        Assert.False(RobotSecretHasher.Verify("Abcdefgh23456789", encoded));
}
