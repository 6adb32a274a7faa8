namespace Berth.IntegrationTests.Cli;

/// <summary><c>berth serve</c> refuses arguments it does not take with exit 2 and a message that names them, before it opens anything.</summary>
public sealed class ServeArgumentsTests
{
    [Theory]
    [InlineData(new[] { "--port", "5000" }, "berth serve: unknown option '--port'")]
    [InlineData(new[] { "--data" }, "berth serve: option '--data' needs a value")]
    [InlineData(new[] { "--listen=" }, "berth serve: option '--listen' needs a value")]
    [InlineData(new[] { "--listen", "127.0.0.1:1", "extra" }, "berth serve: unexpected argument 'extra'")]
    public async Task WrongArguments_StopServeWithExit2_NamingTheProblem(string[] arguments, string expected)
    {
        var result = await BerthCli.RunAsync(["serve", .. arguments], new Dictionary<string, string>(), TimeSpan.FromMinutes(1));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
    }
}
