using Berth.Core.Errors;

namespace Berth.Policy.Immutability;

/// <summary>
/// Harbor's words and codes for a refused change to an immutable tag. On /v2 the push and delete middlewares answer
/// 412 with code PRECONDITION and name the repository without its project (src/server/middleware/immutable); the
/// API's tag controller says the tag "cannot be updated|deleted" (src/controller/tag/controller.go).
/// </summary>
public static class ImmutableTagMessages
{
    /// <summary>Harbor's code for a failed precondition; clients show it as "unknown: &lt;message&gt;" since it is not an OCI code.</summary>
    public static OciErrorCode Precondition { get; } = new("PRECONDITION", 412, "precondition failed");

    public static string Registry(string repository, string tag) =>
        $"Failed to process request due to '{RepositoryInProject(repository)}:{tag}' configured as immutable.";

    public static OciError RegistryError(string repository, string tag) =>
        Precondition.With(Registry(repository, tag), detail: new { repository, tag });

    public static string CannotBeDeleted(string tag) => $"the tag {tag} configured as immutable, cannot be deleted";

    public static string CannotBeUpdated(string tag) => $"the tag {tag} configured as immutable, cannot be updated";

    /// <summary><c>team/app</c> for <c>proj/team/app</c>: the name rules match and Harbor's messages show.</summary>
    public static string RepositoryInProject(string repository)
    {
        var slash = repository.IndexOf('/');
        return slash < 0 ? repository : repository[(slash + 1)..];
    }
}
