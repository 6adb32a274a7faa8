using Berth.Core;
using Berth.Policy.Admission;

namespace Berth.Policy.Tests.Admission;

public sealed class RepoEntryTests
{
    [Theory]
    [InlineData("harbor.example.com", "harbor.example.com/x", true)]
    [InlineData("harbor.example.com/", "harbor.example.com/x/y:1", true)]
    [InlineData("harbor.example.com", "harbor.example.com.evil.io/x", false)]
    [InlineData("harbor.example.com/", "harbor.example.com.evil.io/x", false)]
    [InlineData("harbor.example.com", "harbor.example.comx/x", false)]
    [InlineData("harbor.example.com", "harbor.example.com:5000/x", false)]
    [InlineData("harbor.example.com:5000", "harbor.example.com:5000/x", true)]
    [InlineData("HARBOR.example.com", "harbor.EXAMPLE.com/x", true)]
    [InlineData("harbor.example.com/shop", "harbor.example.com/shop/web", true)]
    [InlineData("harbor.example.com/shop", "harbor.example.com/shop", true)]
    [InlineData("harbor.example.com/shop", "harbor.example.com/shopping/web", false)]
    [InlineData("harbor.example.com/shop/*", "harbor.example.com/shop/web", true)]
    [InlineData("openpolicyagent/", "openpolicyagent/opa:1", true)]
    [InlineData("openpolicyagent/", "openpolicyagentnotreally/opa", false)]
    [InlineData("openpolicyagent/", "docker.io/openpolicyagent/opa", true)]
    [InlineData("nginx", "nginx:1.25", true)]
    [InlineData("nginx", "docker.io/library/nginx", true)]
    [InlineData("nginx", "nginx-evil", false)]
    [InlineData("docker.io/nginx", "nginx:1.25", true)]
    [InlineData("docker.io/nginx:1.25", "nginx:1.25", true)]
    [InlineData("docker.io/library/", "nginx", true)]
    [InlineData("docker.io", "nginx", true)]
    [InlineData("docker.io", "quay.io/nginx", false)]
    [InlineData("index.docker.io", "bitnami/redis", true)]
    [InlineData("bitnami/redis", "bitnami/redis:7", true)]
    [InlineData("bitnami/redis", "bitnami/redis-evil", false)]
    [InlineData("nginx:1.25", "nginx:1.25", true)]
    [InlineData("nginx:1.25", "nginx:1.26", false)]
    [InlineData("localhost", "localhost/app", true)]
    [InlineData("localhost:5000", "localhost/app", false)]
    public void Admits_OnPathBoundaries_AfterNormalizingBothSides(string entry, string image, bool admitted)
    {
        var parsed = RepoEntry.Parse(entry, out var error);
        Assert.True(parsed is not null, error);
        Assert.True(ImageReference.TryParse(image, out var reference, out var imageError), imageError);

        Assert.Equal(admitted, parsed.Admits(reference));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("harbor*", "only as a final '/*'")]
    [InlineData("harbor.example.com/Shop", "must be lower-case")]
    [InlineData("docker.io/library/:1", "not a valid repository path")]
    [InlineData("shop/:1", "not a valid repository path")]
    [InlineData("bitnami/:7", "not a valid repository path")]
    [InlineData("harbor.example.com/shop:1/", "cannot have a tag or digest")]
    public void InvalidEntries_AreRefused(string entry, string expected)
    {
        Assert.Null(RepoEntry.Parse(entry, out var error));
        Assert.Contains(expected, error);
    }
}
