using Berth.Registry.Http;

namespace Berth.Registry.Tests.Http;

public sealed class ContentRangeTests
{
    [Theory]
    [InlineData("0-99", 0, 99)]
    [InlineData("100-199", 100, 199)]
    [InlineData("5-5", 5, 5)]
    [InlineData(" 0-99 ", 0, 99)]
    [InlineData("bytes 0-99/200", 0, 99)]
    [InlineData("bytes 100-199/*", 100, 199)]
    [InlineData("bytes=0-99", 0, 99)]
    [InlineData("Bytes 0-99/200", 0, 99)]
    public void TryParse_Range_GivesInclusiveStartAndEnd(string header, long start, long end)
    {
        Assert.True(ContentRange.TryParse(header, out var range));

        Assert.Equal(new ContentRange(start, end), range);
        Assert.Equal(end - start + 1, range.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bytes")]
    [InlineData("abc")]
    [InlineData("99")]
    [InlineData("-99")]
    [InlineData("0-")]
    [InlineData("a-b")]
    [InlineData("10-5")]
    [InlineData("0-99-200")]
    [InlineData("bytes */200")]
    public void TryParse_Malformed_IsRefused(string header) =>
        Assert.False(ContentRange.TryParse(header, out _));
}
