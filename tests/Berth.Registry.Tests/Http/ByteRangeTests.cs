using Berth.Registry.Http;

namespace Berth.Registry.Tests.Http;

public sealed class ByteRangeTests
{
    [Theory]
    [InlineData("bytes=0-99", 0, 100)]
    [InlineData("bytes=999-999", 999, 1)]
    [InlineData("bytes=900-", 900, 100)]
    [InlineData("bytes=0-", 0, 1000)]
    [InlineData("bytes=-100", 900, 100)]
    [InlineData("bytes=-1", 999, 1)]
    [InlineData("bytes=-5000", 0, 1000)]
    [InlineData("bytes=500-5000", 500, 500)]
    [InlineData("BYTES=10-19", 10, 10)]
    [InlineData("bytes= 10-19 ", 10, 10)]
    public void TryParse_SatisfiableRange_GivesStartAndLength(string header, long start, long length)
    {
        Assert.True(ByteRange.TryParse(header, 1000, out var range));

        Assert.Equal(new ByteRange(start, length), range);
        Assert.Equal(start + length - 1, range.End);
    }

    [Theory]
    [InlineData("bytes=1000-")]
    [InlineData("bytes=1000-1001")]
    [InlineData("bytes=2000-3000")]
    [InlineData("bytes=-0")]
    public void TryParse_RangeBeyondTheBlob_IsUnsatisfiable(string header) =>
        Assert.False(ByteRange.TryParse(header, 1000, out _));

    [Theory]
    [InlineData("bytes=5-2")]
    [InlineData("bytes=1-0")]
    public void TryParse_EndBeforeStart_IsRefused(string header) =>
        Assert.False(ByteRange.TryParse(header, 1000, out _));

    [Theory]
    [InlineData("")]
    [InlineData("0-99")]
    [InlineData("items=0-99")]
    [InlineData("bytes=")]
    [InlineData("bytes=-")]
    [InlineData("bytes=99")]
    [InlineData("bytes=a-b")]
    [InlineData("bytes=0-b")]
    [InlineData("bytes=--5")]
    [InlineData("bytes=-1-5")]
    [InlineData("bytes=0-9,20-29")]
    public void TryParse_Malformed_IsRefused(string header) =>
        Assert.False(ByteRange.TryParse(header, 1000, out _));

    [Theory]
    [InlineData("bytes=0-")]
    [InlineData("bytes=-1")]
    [InlineData("bytes=0-0")]
    public void TryParse_EmptyBlob_HasNoSatisfiableRange(string header) =>
        Assert.False(ByteRange.TryParse(header, 0, out _));

    [Theory]
    [InlineData("bytes=0-9,20-29", true)]
    [InlineData("bytes=0-9", false)]
    public void IsMultiple_TellsSeveralRangesApart(string header, bool expected) =>
        Assert.Equal(expected, ByteRange.IsMultiple(header));
}
