using System.Net;
using Berth.Configuration.Tls;
using Microsoft.Extensions.Configuration;

namespace Berth.IntegrationTests.Deploy;

/// <summary>The <c>Server:Tls:*</c> keys: off when unset, and every incomplete or clashing combination named.</summary>
public sealed class TlsSettingsTests
{
    private static readonly IPEndPoint Plain = new(IPAddress.Any, 5000);

    private static (bool Read, TlsSettings? Settings, string Error) Read(params (string Key, string Value)[] values)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
        var read = TlsSettings.TryRead(configuration, Plain, out var settings, out var error);
        return (read, settings, error);
    }

    [Fact]
    public void Nothing_set_means_no_https()
    {
        var (read, settings, _) = Read();
        Assert.True(read);
        Assert.Null(settings);
    }

    [Fact]
    public void All_three_set_give_a_listener_with_full_paths_and_the_default_reload()
    {
        var (read, settings, error) = Read(("Server:Tls:Listen", "0.0.0.0:8443"), ("Server:Tls:Certificate", "tls/tls.crt"), ("Server:Tls:Key", "/k/tls.key"));
        Assert.True(read, error);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 8443), settings!.Listen);
        Assert.Equal(Path.GetFullPath("tls/tls.crt"), settings.CertificatePath);
        Assert.Equal("/k/tls.key", settings.KeyPath);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.ReloadInterval);
    }

    [Theory]
    [InlineData(null, "c", "k", null, "Server:Tls:Listen is not set, but Server:Tls:Certificate is")]
    [InlineData(null, null, "k", null, "Server:Tls:Listen is not set, but Server:Tls:Key is")]
    [InlineData("0.0.0.0:8443", null, "k", null, "Server:Tls:Certificate is not set; Server:Tls:Listen needs")]
    [InlineData("0.0.0.0:8443", "c", null, null, "Server:Tls:Key is not set; Server:Tls:Listen needs")]
    [InlineData("here:8443", "c", "k", null, "Server:Tls:Listen is 'here:8443'; expected HOST:PORT")]
    [InlineData("127.0.0.1:5000", "c", "k", null, "Server:Tls:Listen is '127.0.0.1:5000', the same port as Server:Listen")]
    [InlineData("0.0.0.0:8443", "c", "k", "0", "Server:Tls:ReloadInterval is '0'")]
    [InlineData("0.0.0.0:8443", "c", "k", "soon", "Server:Tls:ReloadInterval is 'soon'")]
    public void Incomplete_or_clashing_settings_are_refused_naming_the_key(string? listen, string? certificate, string? key, string? reload, string expected)
    {
        var values = new List<(string, string)>();
        if (listen is not null) values.Add(("Server:Tls:Listen", listen));
        if (certificate is not null) values.Add(("Server:Tls:Certificate", certificate));
        if (key is not null) values.Add(("Server:Tls:Key", key));
        if (reload is not null) values.Add(("Server:Tls:ReloadInterval", reload));
        var (read, settings, error) = Read([.. values]);
        Assert.False(read);
        Assert.Null(settings);
        Assert.StartsWith(expected, error);
    }
}
