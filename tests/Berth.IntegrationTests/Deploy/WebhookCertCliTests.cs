using System.Runtime.Versioning;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Berth.IntegrationTests.Cli;

namespace Berth.IntegrationTests.Deploy;

/// <summary><c>berth admin webhook-cert</c> run as a user runs it: the files, the caBundle on stdout, the refusals.</summary>
[UnsupportedOSPlatform("windows")] // the key's file mode is checked
public sealed class WebhookCertCliTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("berth-webhook-cert-");

    private string Out => Path.Combine(_work.FullName, "tls");

    [Fact]
    public async Task Writes_the_ca_the_serving_pair_and_prints_the_ca_bundle()
    {
        var result = (await BerthCli.RunAsync(["admin", "webhook-cert", "--service", "berth", "--namespace", "registry", "--out", Out, "--days", "7"])).EnsureSucceeded();

        var caBundle = Assert.Single(CliOutput.Lines(result.Output));
        var caPem = await File.ReadAllTextAsync(Path.Combine(Out, "ca.crt"));
        Assert.Equal(caPem, Encoding.ASCII.GetString(Convert.FromBase64String(caBundle)));
        Assert.Contains("kubectl -n registry create secret tls berth-tls", result.Error);
        Assert.Contains("caBundle", result.Error);

        Assert.Equal(["ca.crt", "tls.crt", "tls.key"], Directory.GetFiles(Out).Select(Path.GetFileName).Order());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(Out, "tls.key")));

        using var ca = X509Certificate2.CreateFromPem(caPem);
        using var leaf = X509Certificate2.CreateFromPemFile(Path.Combine(Out, "tls.crt"), Path.Combine(Out, "tls.key"));
        Assert.True(leaf.HasPrivateKey);
        Assert.True(leaf.MatchesHostname("berth.registry.svc"));
        Assert.True(CaTrust.Builds(leaf, ca, DateTime.UtcNow, out _));
        Assert.InRange(leaf.NotAfter.ToUniversalTime(), DateTime.UtcNow.AddDays(7).AddMinutes(-5), DateTime.UtcNow.AddDays(7).AddMinutes(1));
    }

    [Fact]
    public async Task Running_again_replaces_the_set_with_a_new_ca_and_leaves_no_stray_files()
    {
        var first = (await BerthCli.RunAsync(["admin", "webhook-cert", "--service", "berth", "--namespace", "berth", "--out", Out])).EnsureSucceeded();
        var second = (await BerthCli.RunAsync(["admin", "webhook-cert", "--service", "berth", "--namespace", "berth", "--out", Out])).EnsureSucceeded();
        Assert.NotEqual(first.Output, second.Output);
        Assert.Equal(second.Output.Trim(), Convert.ToBase64String(await File.ReadAllBytesAsync(Path.Combine(Out, "ca.crt"))));
        Assert.Equal(3, Directory.GetFiles(Out).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(Out, "tls.key")));
    }

    [Theory]
    [InlineData(new[] { "--namespace", "berth" }, "--service is required")]
    [InlineData(new[] { "--service", "berth" }, "--namespace is required")]
    [InlineData(new[] { "--service", "Berth", "--namespace", "berth" }, "--service 'Berth' is not a valid Kubernetes name")]
    [InlineData(new[] { "--service", "berth", "--namespace", "kube_system" }, "--namespace 'kube_system' is not a valid Kubernetes name")]
    [InlineData(new[] { "--service", "berth", "--namespace", "berth", "--days", "0" }, "--days '0' is not a whole number from 1 to 3650")]
    [InlineData(new[] { "--service", "berth", "--namespace", "berth", "--days", "3651" }, "--days '3651' is not a whole number")]
    [InlineData(new[] { "--service", "berth", "--namespace", "berth", "--days", "soon" }, "--days 'soon' is not a whole number")]
    [InlineData(new[] { "--service", "berth", "--namespace", "berth", "--force" }, "unknown option '--force'")]
    [InlineData(new[] { "--service", "berth", "--namespace", "berth", "extra" }, "unexpected argument 'extra'")]
    [InlineData(new[] { "--namespace", "berth", "--service=" }, "option '--service' needs a value")]
    public async Task Bad_arguments_exit_2_with_a_message_and_write_nothing(string[] arguments, string message)
    {
        var result = await BerthCli.RunAsync(["admin", "webhook-cert", .. arguments, "--out", Out]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"berth admin webhook-cert: {message}", result.Error);
        Assert.Equal("", result.Output);
        Assert.False(Directory.Exists(Out), "nothing may be written for bad arguments");
    }

    [Fact]
    public async Task An_out_path_that_is_a_file_is_refused()
    {
        var file = Path.Combine(_work.FullName, "taken");
        await File.WriteAllTextAsync(file, "keep me");
        var result = await BerthCli.RunAsync(["admin", "webhook-cert", "--service", "berth", "--namespace", "berth", "--out", file]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is a file, not a directory", result.Error);
        Assert.Equal("keep me", await File.ReadAllTextAsync(file));
    }

    [Theory]
    [InlineData(new string[0], "usage: berth admin SUBCOMMAND")]
    [InlineData(new[] { "rotate" }, "berth admin: unknown subcommand 'rotate'; expected webhook-cert, admission")]
    public async Task The_admin_verb_refuses_a_missing_or_unknown_subcommand(string[] arguments, string message)
    {
        var result = await BerthCli.RunAsync(["admin", .. arguments]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    public void Dispose() => _work.Delete(recursive: true);
}
