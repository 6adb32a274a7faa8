using Berth.Metadata.Access;

namespace Berth.Policy.Signatures;

/// <summary>Reads Harbor's content-trust switches from project metadata, where "true" and "1" mean on.</summary>
public static class ContentTrust
{
    public static bool IsEnabled(ProjectRecord project, string key) =>
        project.Metadata.TryGetValue(key, out var value) && value is "true" or "1";
}
