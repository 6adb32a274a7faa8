using System.Text;
using static Berth.Policy.Tests.Admission.AdmissionReviews;

namespace Berth.Policy.Tests.Admission;

public sealed class MalformedReviewTests : IAsyncLifetime
{
    private AdmissionHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await AdmissionHarness.CreateAsync(AdmissionHarness.Constraint("r", "[\"registry.example.com\"]"));

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private const string Request = """{"uid":"u1","kind":{"group":"","version":"v1","kind":"Pod"},"operation":"CREATE","object":{"spec":{"containers":[{"name":"c","image":"nginx"}]}}}""";

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("", "not valid JSON")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"Pod","request":{}}""", "kind is 'Pod'; expected 'AdmissionReview'")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1beta1","kind":"AdmissionReview","request":{}}""", "apiVersion is 'admission.k8s.io/v1beta1'")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}""", "request is missing")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":"x"}""", "request is missing or not an object")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"kind":{"kind":"Pod"},"operation":"CREATE","object":{}}}""", "request.uid is missing")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"","kind":{"kind":"Pod"},"operation":"CREATE","object":{}}}""", "request.uid is missing or empty")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"kind":"Pod"},"operation":"PATCH","object":{}}}""", "request.operation is 'PATCH'")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","operation":"CREATE","object":{}}}""", "request.kind is missing")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"kind":"Pod"},"operation":"CREATE","object":"nginx"}}""", "request.object is a JSON string, not an object")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"kind":"Pod"},"operation":"CREATE","object":[]}}""", "request.object is a JSON array, not an object")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"kind":"Pod"},"operation":"CREATE"}}""", "request.object is missing on CREATE")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"kind":"Pod"},"operation":"UPDATE","object":{},"oldObject":7}}""", "request.oldObject is a JSON number")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"kind":"Pod"},"operation":"CREATE","object":{"spec":{"containers":{"name":"c"}}}}}""", "containers is not an array")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"kind":"Pod"},"operation":"CREATE","object":{"spec":{"containers":["nginx"]}}}}""", "containers[0] is not an object")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"kind":"Pod"},"operation":"CREATE","object":{"spec":{"initContainers":[{"name":"c","image":42}]}}}}""", "initContainers[0].image is not a string")]
    public async Task MalformedReview_IsRefusedWithAMessage_NeverAnswered(string body, string expected)
    {
        var outcome = await _harness.ValidateAsync(Encoding.UTF8.GetBytes(body));

        Assert.True(outcome.IsMalformed);
        Assert.Null(outcome.Review);
        Assert.Contains(expected, outcome.Error);
    }

    [Fact]
    public async Task WellFormedMinimalReview_IsAnswered_EchoingTheUid()
    {
        var outcome = await _harness.ValidateAsync(Encoding.UTF8.GetBytes($$"""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{{Request}}}"""));

        Assert.False(outcome.IsMalformed, outcome.Error);
        Assert.Contains("\"uid\":\"u1\"", Encoding.UTF8.GetString(outcome.Review!));
        Assert.Contains("\"allowed\":false", Encoding.UTF8.GetString(outcome.Review!));
    }

    [Fact]
    public async Task DeeplyNestedJson_IsMalformed_NotACrash()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);

        var outcome = await _harness.ValidateAsync(Encoding.UTF8.GetBytes(deep));

        Assert.True(outcome.IsMalformed);
    }

    [Fact]
    public async Task DeniedReview_HasNoPatch()
    {
        var review = Encoding.UTF8.GetString((await _harness.ValidateAsync(Pod(("c", "nginx")))).Review!);

        Assert.DoesNotContain("patch", review);
    }
}
