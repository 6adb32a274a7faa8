namespace Berth.Core.Tests;

public sealed class DigestTests
{
    private const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private const string AbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private const string EmptySha512 = "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e";
    private const string AbcSha512 = "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f";

    [Fact]
    public void TryParse_Sha256_SplitsAlgorithmAndEncoded()
    {
        Assert.True(Digest.TryParse($"sha256:{AbcSha256}", out var digest));

        Assert.Equal("sha256", digest.Algorithm);
        Assert.Equal(AbcSha256, digest.Encoded);
        Assert.Equal($"sha256:{AbcSha256}", digest.ToString());
    }

    [Fact]
    public void TryParse_Sha512_SplitsAlgorithmAndEncoded()
    {
        Assert.True(Digest.TryParse($"sha512:{AbcSha512}", out var digest));

        Assert.Equal("sha512", digest.Algorithm);
        Assert.Equal(AbcSha512, digest.Encoded);
        Assert.Equal($"sha512:{AbcSha512}", digest.ToString());
    }

    [Fact]
    public void TryParse_UppercaseHex_IsRefused()
    {
        Assert.False(Digest.TryParse($"sha256:{AbcSha256.ToUpperInvariant()}", out var digest));
        Assert.Equal(default, digest);
    }

    [Fact]
    public void TryParse_UppercaseAlgorithm_IsRefused() =>
        Assert.False(Digest.TryParse($"SHA256:{AbcSha256}", out _));

    [Theory]
    [InlineData(63)]
    [InlineData(65)]
    [InlineData(128)]
    public void TryParse_Sha256WithWrongLength_IsRefused(int length) =>
        Assert.False(Digest.TryParse("sha256:" + new string('a', length), out _));

    [Theory]
    [InlineData(64)]
    [InlineData(127)]
    [InlineData(129)]
    public void TryParse_Sha512WithWrongLength_IsRefused(int length) =>
        Assert.False(Digest.TryParse("sha512:" + new string('a', length), out _));

    [Theory]
    [InlineData("md5:d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("sha384:38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b")]
    [InlineData("sha256+b64u:LCa0a2j_xo_5m0U8HTBBNBNCLXBkg7-g-YpeiGJm564")]
    public void TryParse_UnknownAlgorithm_IsRefused(string text) =>
        Assert.False(Digest.TryParse(text, out _));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256")]
    [InlineData("sha256:")]
    [InlineData(":e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85g")]
    [InlineData("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 ")]
    [InlineData(" sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    public void TryParse_Malformed_IsRefused(string? text) =>
        Assert.False(Digest.TryParse(text, out _));

    [Fact]
    public void Parse_Malformed_ThrowsFormatExceptionNamingTheText()
    {
        var error = Assert.Throws<FormatException>(() => Digest.Parse("sha256:nothex"));
        Assert.Contains("sha256:nothex", error.Message);
    }

    [Fact]
    public void Parse_SameText_GivesEqualDigests() =>
        Assert.Equal(Digest.Parse($"sha256:{AbcSha256}"), Digest.Parse($"sha256:{AbcSha256}"));

    [Theory]
    [InlineData("md5:d41d8cd98f00b204e9800998ecf8427e", true)]
    [InlineData("sha384:abc", true)]
    [InlineData("sha256:abc", false)]
    [InlineData("sha512:abc", false)]
    [InlineData("md5:", false)]
    [InlineData(":abc", false)]
    [InlineData("latest", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsUnsupportedAlgorithm_TellsForeignAlgorithmsFromMalformedText(string? text, bool expected) =>
        Assert.Equal(expected, Digest.IsUnsupportedAlgorithm(text));

    [Theory]
    [InlineData("", EmptySha256)]
    [InlineData("abc", AbcSha256)]
    public void Compute_Sha256_MatchesKnownVectors(string content, string expected) =>
        Assert.Equal($"sha256:{expected}", Digest.Compute(System.Text.Encoding.ASCII.GetBytes(content)).ToString());

    [Theory]
    [InlineData("", EmptySha512)]
    [InlineData("abc", AbcSha512)]
    public void Compute_Sha512_MatchesKnownVectors(string content, string expected) =>
        Assert.Equal($"sha512:{expected}", Digest.Compute(System.Text.Encoding.ASCII.GetBytes(content), Digest.Sha512).ToString());

    [Fact]
    public void CreateHasher_FedInPieces_MatchesCompute()
    {
        var expected = Digest.Parse($"sha512:{AbcSha512}");
        using var hasher = expected.CreateHasher();
        hasher.AppendData("a"u8);
        hasher.AppendData("bc"u8);

        Assert.Equal(expected, Digest.FromHash(Digest.Sha512, hasher.GetCurrentHash()));
    }

    [Fact]
    public void ToString_OfDefault_IsEmpty() => Assert.Equal("", default(Digest).ToString());
}
