namespace Berth.Core.Tests;

public sealed class ImageReferenceTests
{
    private const string Hex = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("nginx", "docker.io", "library/nginx", "latest", null)]
    [InlineData("nginx:1.25", "docker.io", "library/nginx", "1.25", null)]
    [InlineData("library/nginx", "docker.io", "library/nginx", "latest", null)]
    [InlineData("bitnami/redis:7", "docker.io", "bitnami/redis", "7", null)]
    [InlineData("docker.io/nginx", "docker.io", "library/nginx", "latest", null)]
    [InlineData("index.docker.io/nginx", "docker.io", "library/nginx", "latest", null)]
    [InlineData("index.docker.io/bitnami/redis", "docker.io", "bitnami/redis", "latest", null)]
    [InlineData("myregistry/app", "docker.io", "myregistry/app", "latest", null)]
    [InlineData("myregistry:5000/app", "myregistry:5000", "app", "latest", null)]
    [InlineData("localhost/app", "localhost", "app", "latest", null)]
    [InlineData("localhost:5000/app", "localhost:5000", "app", "latest", null)]
    [InlineData("harbor.example.com/shop/web:1.4.2", "harbor.example.com", "shop/web", "1.4.2", null)]
    [InlineData("Harbor.Example.COM/shop/web", "harbor.example.com", "shop/web", "latest", null)]
    [InlineData("MyRegistry/app", "myregistry", "app", "latest", null)]
    [InlineData("harbor.example.com:8443/shop/web", "harbor.example.com:8443", "shop/web", "latest", null)]
    [InlineData("harbor.example.com:8443/shop/web:2", "harbor.example.com:8443", "shop/web", "2", null)]
    [InlineData("127.0.0.1:5000/a/b/c:v1", "127.0.0.1:5000", "a/b/c", "v1", null)]
    [InlineData("[::1]:5000/app", "[::1]:5000", "app", "latest", null)]
    [InlineData("registry.example.com/a_b/c__d/e--f.g", "registry.example.com", "a_b/c__d/e--f.g", "latest", null)]
    public void TryParse_NormalizesAsTheRuntimeDoes(string text, string domain, string path, string? tag, string? digest)
    {
        Assert.True(ImageReference.TryParse(text, out var reference, out var error), error);
        Assert.Equal(domain, reference.Domain);
        Assert.Equal(path, reference.Path);
        Assert.Equal(tag, reference.Tag);
        Assert.Equal(digest, reference.Digest);
    }

    [Fact]
    public void TryParse_DigestOnly_HasNoTag()
    {
        Assert.True(ImageReference.TryParse($"harbor.example.com:8443/shop/web@sha256:{Hex}", out var reference, out _));
        Assert.Equal("harbor.example.com:8443", reference.Domain);
        Assert.Null(reference.Tag);
        Assert.Equal($"sha256:{Hex}", reference.Digest);
        Assert.Equal($"harbor.example.com:8443/shop/web@sha256:{Hex}", reference.ToString());
    }

    [Fact]
    public void TryParse_TagAndDigest_KeepsBoth()
    {
        Assert.True(ImageReference.TryParse($"nginx:1.25@sha256:{Hex}", out var reference, out _));
        Assert.Equal("1.25", reference.Tag);
        Assert.Equal($"sha256:{Hex}", reference.Digest);
        Assert.Equal($"docker.io/library/nginx:1.25@sha256:{Hex}", reference.ToString());
    }

    [Theory]
    [InlineData("nginx", "docker.io/library/nginx:latest")]
    [InlineData("registry.example.com.evil.io/x", "registry.example.com.evil.io/x:latest")]
    [InlineData("localhost:5000/app:v2", "localhost:5000/app:v2")]
    public void ToString_IsTheNormalizedReference(string text, string normalized)
    {
        Assert.True(ImageReference.TryParse(text, out var reference, out _));
        Assert.Equal(normalized, reference.ToString());
        Assert.Equal(normalized[..normalized.LastIndexOf(':')], reference.Name);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("Nginx", "lower-case")]
    [InlineData("docker.io/Library/nginx", "lower-case")]
    [InlineData("harbor.example.com/Shop/web", "lower-case")]
    [InlineData("nginx:", "not a valid tag")]
    [InlineData("nginx:-bad", "not a valid tag")]
    [InlineData("nginx@sha256:abc", "not a valid digest")]
    [InlineData("nginx@md5:0123456789abcdef0123456789abcdef", "not a valid digest")]
    [InlineData("nginx@sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef", "not a valid digest")]
    [InlineData("harbor.example.com/", "no repository")]
    [InlineData("harbor.example.com//web", "not a valid repository path")]
    [InlineData("harbor.example.com/web/", "not a valid repository path")]
    [InlineData("-bad.example.com/web", "registry host")]
    [InlineData("host:port/web", "registry host")]
    [InlineData("nginx latest", "whitespace")]
    [InlineData("nginx\n", "whitespace")]
    [InlineData("a..b", "not a valid repository path")]
    [InlineData(Hex, "image ID")]
    public void TryParse_Invalid_SaysWhy(string text, string expected)
    {
        Assert.False(ImageReference.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void TryParse_NameLongerThan255_IsRefused()
    {
        var name = "harbor.example.com/" + new string('a', 250);
        Assert.False(ImageReference.TryParse(name, out _, out var error));
        Assert.Contains("255", error);
    }

    [Theory]
    [InlineData("harbor.example.com", "docker.io", "library/harbor.example.com")]
    [InlineData("openpolicyagent", "docker.io", "library/openpolicyagent")]
    [InlineData("openpolicyagent/opa", "docker.io", "openpolicyagent/opa")]
    [InlineData("harbor.example.com/shop", "harbor.example.com", "shop")]
    public void TrySplitDomain_FollowsTheRuntime_ABareHostIsADockerHubName(string name, string domain, string path)
    {
        Assert.True(ImageReference.TrySplitDomain(name, out var d, out var p, out var error), error);
        Assert.Equal(domain, d);
        Assert.Equal(path, p);
    }
}
