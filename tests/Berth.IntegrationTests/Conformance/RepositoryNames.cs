namespace Berth.IntegrationTests.Conformance;

/// <summary>
/// Fresh repository names, so tests sharing one server never see each other's content. Names are
/// several components deep on purpose: the spec allows <c>a/b/c</c> names and every route must cope.
/// </summary>
public static class RepositoryNames
{
    public static string Unique(string workflow, string leaf = "app") =>
        $"conformance/{workflow}/{Guid.NewGuid().ToString("N")[..12]}/{leaf}";
}
