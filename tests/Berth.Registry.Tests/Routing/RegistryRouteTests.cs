using Berth.Registry.Routing;

namespace Berth.Registry.Tests.Routing;

public sealed class RegistryRouteTests
{
    private const string Sha = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private const string Upload = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/")]
    public void Parse_Root_IsBase(string? path) => Assert.Same(RegistryRoute.Base, RegistryRoute.Parse(path));

    [Theory]
    [InlineData("/_catalog")]
    [InlineData("/_catalog/")]
    public void Parse_Catalog_IsCatalog(string path) => Assert.Same(RegistryRoute.Catalog, RegistryRoute.Parse(path));

    [Theory]
    [InlineData("/nginx/tags/list", RouteKind.Tags, "nginx", "")]
    [InlineData("/library/nginx/tags/list", RouteKind.Tags, "library/nginx", "")]
    [InlineData("/nginx/manifests/latest", RouteKind.Manifest, "nginx", "latest")]
    [InlineData("/project/team/app/manifests/v1.2.3", RouteKind.Manifest, "project/team/app", "v1.2.3")]
    [InlineData("/a/b/c/d/e/manifests/" + Sha, RouteKind.Manifest, "a/b/c/d/e", Sha)]
    [InlineData("/library/nginx/blobs/" + Sha, RouteKind.Blob, "library/nginx", Sha)]
    [InlineData("/library/nginx/referrers/" + Sha, RouteKind.Referrers, "library/nginx", Sha)]
    [InlineData("/library/nginx/blobs/uploads/", RouteKind.UploadStart, "library/nginx", "")]
    [InlineData("/library/nginx/blobs/uploads", RouteKind.UploadStart, "library/nginx", "")]
    [InlineData("/library/nginx/blobs/uploads/" + Upload, RouteKind.Upload, "library/nginx", Upload)]
    public void Parse_RouteOfEachKind_TakesNameAndReferenceFromTheEnd(string path, RouteKind kind, string name, string reference) =>
        Assert.Equal(new RegistryRoute(kind, name, reference), RegistryRoute.Parse(path));

    [Theory]
    [InlineData("/a/blobs/manifests/latest", RouteKind.Manifest, "a/blobs", "latest")]
    [InlineData("/manifests/manifests/latest", RouteKind.Manifest, "manifests", "latest")]
    [InlineData("/blobs/blobs/" + Sha, RouteKind.Blob, "blobs", Sha)]
    [InlineData("/a/manifests/blobs/" + Sha, RouteKind.Blob, "a/manifests", Sha)]
    [InlineData("/a/tags/list/manifests/v1", RouteKind.Manifest, "a/tags/list", "v1")]
    [InlineData("/uploads/blobs/uploads/", RouteKind.UploadStart, "uploads", "")]
    [InlineData("/a/blobs/uploads/blobs/uploads/" + Upload, RouteKind.Upload, "a/blobs/uploads", Upload)]
    [InlineData("/referrers/tags/list", RouteKind.Tags, "referrers", "")]
    public void Parse_RepositoryNamedLikeARouteSegment_KeepsThatSegmentInTheName(string path, RouteKind kind, string name, string reference) =>
        Assert.Equal(new RegistryRoute(kind, name, reference), RegistryRoute.Parse(path));

    [Theory]
    [InlineData("/nginx")]
    [InlineData("/library/nginx")]
    [InlineData("/nginx/manifests")]
    [InlineData("/nginx/manifests/")]
    [InlineData("/nginx/manifests/a/b")]
    [InlineData("/nginx/blobs/")]
    [InlineData("/nginx/referrers/")]
    [InlineData("/nginx/tags")]
    [InlineData("/nginx/tags/list/")]
    [InlineData("/nginx/tags/list\n")]
    [InlineData("/nginx/blobs/uploads/" + Upload + "/more")]
    [InlineData("/manifests/latest")]
    [InlineData("/nginx/unknown/latest")]
    [InlineData("/_catalog/more")]
    public void Parse_PathOfNoRouteShape_IsNull(string path) => Assert.Null(RegistryRoute.Parse(path));
}
