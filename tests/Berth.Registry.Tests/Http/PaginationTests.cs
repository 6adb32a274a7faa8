using Berth.Core.Errors;
using Berth.Registry.Http;
using Microsoft.AspNetCore.Http;

namespace Berth.Registry.Tests.Http;

public sealed class PaginationTests
{
    private static Outcome<Pagination> FromQuery(string queryString)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(queryString);
        return Pagination.FromQuery(context.Request.Query);
    }

    [Fact]
    public void FromQuery_NoParameters_IsUnlimitedFromTheStart() =>
        Assert.Equal(new Pagination(null, null), FromQuery("").Value);

    [Theory]
    [InlineData("?n=10", 10, null)]
    [InlineData("?n=0", 0, null)]
    [InlineData("?last=alpha", null, "alpha")]
    [InlineData("?n=2&last=team%2Fapp", 2, "team/app")]
    [InlineData("?n=5&last=", 5, null)]
    public void FromQuery_ValidParameters_AreRead(string query, int? limit, string? last) =>
        Assert.Equal(new Pagination(limit, last), FromQuery(query).Value);

    [Theory]
    [InlineData("?n=abc")]
    [InlineData("?n=-1")]
    [InlineData("?n=1.5")]
    [InlineData("?n=99999999999")]
    [InlineData("?n=")]
    public void FromQuery_InvalidPageSize_IsRefusedWith400NamingN(string query)
    {
        var error = FromQuery(query).Error;

        Assert.NotNull(error);
        Assert.Equal(400, error.Status);
        Assert.Contains("n=", error.Message);
    }

    [Fact]
    public void AddNextLink_FullPage_PointsAfterItsLastEntry()
    {
        var response = new DefaultHttpContext().Response;

        new Pagination(2, null).AddNextLink(response, "/v2/team/app/tags/list", ["a", "b/c"]);

        Assert.Equal("</v2/team/app/tags/list?n=2&last=b%2Fc>; rel=\"next\"", response.Headers.Link.ToString());
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(2, 0)]
    [InlineData(0, 0)]
    [InlineData(null, 2)]
    public void AddNextLink_PageNotFullOrUnlimited_AddsNoLink(int? limit, int count)
    {
        var response = new DefaultHttpContext().Response;

        new Pagination(limit, null).AddNextLink(response, "/v2/_catalog", Enumerable.Range(0, count).Select(i => $"r{i}").ToList());

        Assert.False(response.Headers.ContainsKey("Link"));
    }
}
