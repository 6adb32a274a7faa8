using Berth.IntegrationTests.Cli;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Admission;

/// <summary>The pinning and audit settings are checked at start: a wrong value stops <c>berth serve</c> with exit 2, naming the key.</summary>
public sealed class AdmissionSettingsTests
{
    [Theory]
    [InlineData("BERTH__Admission__PinDigests", "everything", "Admission:PinDigests is 'everything'; expected 'all' or a list of rules")]
    [InlineData("BERTH__Admission__PinDigests__0__Namespace", "prod", "Admission:PinDigests:0:Namespace is not a field of a pinning rule")]
    [InlineData("BERTH__Admission__PinDigests__0__Repos__0", "registry.example.com/sh*p", "Admission:PinDigests:0:Repos:0 'registry.example.com/sh*p'")]
    [InlineData("BERTH__Admission__AuditRetention", "soon", "Admission:AuditRetention is 'soon'")]
    [InlineData("BERTH__Admission__AuditCapacity", "-1", "Admission:AuditCapacity is '-1'")]
    public async Task InvalidValue_StopsTheServerAtStart_NamingTheKey(string variable, string value, string expected)
    {
        var data = Directory.CreateTempSubdirectory("berth-it-admission-settings-");
        try
        {
            var result = await BerthCli.RunAsync(
                ["serve", "--listen", $"127.0.0.1:{LoopbackPort.Free()}", "--data", data.FullName],
                new Dictionary<string, string> { [variable] = value, ["BERTH_ADMIN_PASSWORD"] = "Settings-Test-1" },
                TimeSpan.FromMinutes(1));

            Assert.Equal(2, result.ExitCode);
            Assert.Contains(expected, result.Error);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
