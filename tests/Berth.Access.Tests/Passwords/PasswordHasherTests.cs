using Berth.Access.Passwords;

namespace Berth.Access.Tests.Passwords;

public sealed class PasswordHasherTests
{
    /// <summary>Cheap enough for a unit test; the cost itself is covered once with the default.</summary>
    private const int FastIterations = 1000;

    [Fact]
    public void Hash_ThenVerify_SamePassword_IsTrue()
    {
        var encoded = PasswordHasher.Hash("correct horse battery staple", FastIterations);

        Assert.True(PasswordHasher.Verify("correct horse battery staple", encoded));
    }

    [Theory]
    [InlineData("correct horse battery stapl")]
    [InlineData("Correct horse battery staple")]
    [InlineData("correct horse battery staple ")]
    [InlineData("")]
    public void Verify_WrongPassword_IsFalse(string wrong)
    {
        var encoded = PasswordHasher.Hash("correct horse battery staple", FastIterations);

        Assert.False(PasswordHasher.Verify(wrong, encoded));
    }

    [Fact]
    public void Hash_NonAsciiPassword_RoundTrips()
    {
        var encoded = PasswordHasher.Hash("pässwörd-密码-🔑", FastIterations);

        Assert.True(PasswordHasher.Verify("pässwörd-密码-🔑", encoded));
        Assert.False(PasswordHasher.Verify("passwords-密码-🔑", encoded));
    }

    [Fact]
    public void Hash_SamePasswordTwice_DiffersBySalt()
    {
        var first = PasswordHasher.Hash("s3cret", FastIterations);
        var second = PasswordHasher.Hash("s3cret", FastIterations);

        Assert.NotEqual(first, second);
        Assert.NotEqual(first.Split('$')[2], second.Split('$')[2]);
        Assert.True(PasswordHasher.Verify("s3cret", first));
        Assert.True(PasswordHasher.Verify("s3cret", second));
    }

    [Fact]
    public void Hash_WritesSchemeIterationsSaltAndHash()
    {
        var parts = PasswordHasher.Hash("s3cret", FastIterations).Split('$');

        Assert.Equal(4, parts.Length);
        Assert.Equal("pbkdf2-sha256", parts[0]);
        Assert.Equal("1000", parts[1]);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
    }

    [Fact]
    public void Hash_DefaultIterations_AreRecordedAndVerify()
    {
        var encoded = PasswordHasher.Hash("s3cret");

        Assert.Equal(PasswordHasher.DefaultIterations.ToString(System.Globalization.CultureInfo.InvariantCulture), encoded.Split('$')[1]);
        Assert.True(PasswordHasher.Verify("s3cret", encoded));
        Assert.False(PasswordHasher.Verify("s3cre7", encoded));
    }

    [Fact]
    public void Verify_UsesTheIterationCountOfTheEncoding()
    {
        var parts = PasswordHasher.Hash("s3cret", FastIterations).Split('$');
        parts[1] = "1001";

        Assert.False(PasswordHasher.Verify("s3cret", string.Join('$', parts)));
    }

    [Theory]
    [InlineData(0, "pbkdf2-sha1")]
    [InlineData(0, "PBKDF2-SHA256")]
    [InlineData(0, "bcrypt")]
    [InlineData(0, "")]
    [InlineData(1, "0")]
    [InlineData(1, "-1")]
    [InlineData(1, "+1000")]
    [InlineData(1, " 1000")]
    [InlineData(1, "1e3")]
    [InlineData(1, "abc")]
    [InlineData(1, "99999999999")]
    [InlineData(1, "2000000000")]
    [InlineData(1, "")]
    [InlineData(2, "not base64!")]
    [InlineData(2, "QUJD=")]
    [InlineData(3, "not base64!")]
    [InlineData(3, "%%%%")]
    public void Verify_TamperedPart_IsFalseNotException(int part, string replacement)
    {
        var parts = PasswordHasher.Hash("s3cret", FastIterations).Split('$');
        parts[part] = replacement;

        Assert.False(PasswordHasher.Verify("s3cret", string.Join('$', parts)));
    }

    [Fact]
    public void Verify_EmptyStoredHash_DoesNotMatchEveryPassword()
    {
        var parts = PasswordHasher.Hash("s3cret", FastIterations).Split('$');
        parts[3] = "";

        Assert.False(PasswordHasher.Verify("anything at all", string.Join('$', parts)));
        Assert.False(PasswordHasher.Verify("", string.Join('$', parts)));
    }

    [Fact]
    public void Verify_TruncatedStoredHash_IsFalse()
    {
        var parts = PasswordHasher.Hash("s3cret", FastIterations).Split('$');
        // One byte of the real hash: a guesser would need only 256 tries if this were accepted.
        parts[3] = Convert.ToBase64String(Convert.FromBase64String(parts[3])[..1]);

        Assert.False(PasswordHasher.Verify("s3cret", string.Join('$', parts)));
    }

    [Fact]
    public void Verify_FlippedHashByte_IsFalse()
    {
        var parts = PasswordHasher.Hash("s3cret", FastIterations).Split('$');
        var hash = Convert.FromBase64String(parts[3]);
        hash[^1] ^= 0x01;
        parts[3] = Convert.ToBase64String(hash);

        Assert.False(PasswordHasher.Verify("s3cret", string.Join('$', parts)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("$")]
    [InlineData("$$$")]
    [InlineData("pbkdf2-sha256")]
    [InlineData("pbkdf2-sha256$1000")]
    [InlineData("pbkdf2-sha256$1000$c2FsdA==")]
    [InlineData("pbkdf2-sha256$1000$c2FsdA==$aGFzaA==$extra")]
    [InlineData("s3cret")]
    public void Verify_MalformedEncoding_IsFalseNotException(string encoded) =>
        Assert.False(PasswordHasher.Verify("s3cret", encoded));
}
