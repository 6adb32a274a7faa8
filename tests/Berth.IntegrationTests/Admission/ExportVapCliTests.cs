using Berth.IntegrationTests.Cli;

namespace Berth.IntegrationTests.Admission;

/// <summary><c>berth admin admission export-vap</c> as a user runs it: a configuration file in, policy YAML out.</summary>
public sealed class ExportVapCliTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("berth-it-export-vap-");

    [Fact]
    public async Task The_default_rule_of_the_configured_address_becomes_a_policy_and_its_binding()
    {
        var config = Path.Combine(_work.FullName, "berth.yaml");
        await File.WriteAllTextAsync(config, "Server:\n  ExternalUrl: https://registry.example.com\n");

        var result = (await BerthCli.RunAsync(["admin", "admission", "export-vap", "--config", config])).EnsureSucceeded();

        Assert.Contains("kind: ValidatingAdmissionPolicy\n", result.Output);
        Assert.Contains("kind: ValidatingAdmissionPolicyBinding", result.Output);
        Assert.Contains("registry.example.com", result.Output);
    }

    [Fact]
    public async Task An_unreadable_configuration_file_is_reported_not_thrown()
    {
        var config = Path.Combine(_work.FullName, "broken.yaml");
        await File.WriteAllTextAsync(config, "Server: [unclosed\n");

        var result = await BerthCli.RunAsync(["admin", "admission", "export-vap", "--config", config]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"configuration file '{config}' cannot be read", result.Error);
        Assert.DoesNotContain("Unhandled exception", result.Error);
    }

    public void Dispose() => _work.Delete(recursive: true);
}
