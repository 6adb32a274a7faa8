using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Scanning;

/// <summary>Wrong <c>Scanner:*</c> settings stop <c>berth serve</c> at start with a message naming the key.</summary>
public sealed class ScannerConfigurationTests
{
    [Theory]
    [InlineData("BERTH__Scanner__Workers", "0", "Scanner:Workers is 0")]
    [InlineData("BERTH__Scanner__RematchInterval", "00:00:00.1", "Scanner:RematchInterval")]
    [InlineData("BERTH__Scanner__Enabled", "maybe", "'Scanner' is invalid")]
    public async Task InvalidSetting_StopsTheServerWithTheKeyNamed(string variable, string value, string expected)
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => BerthServer.StartAsync(new Dictionary<string, string> { [variable] = value }));

        Assert.Contains("exited with 2", failure.Message);
        Assert.Contains(expected, failure.Message);
    }
}
