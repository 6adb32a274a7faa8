using System.Text.Encodings.Web;
using System.Text.Json;

namespace Berth.Policy.Admission;

/// <summary>
/// A Gatekeeper <c>K8sAllowedRepos</c> constraint as Berth enforces it: the images of matching objects must come
/// from one of <see cref="Repos"/> (compared normalized, on path boundaries; see <see cref="RepoEntry"/>).
/// </summary>
/// <param name="Source">Where it was read from (file and document), or where the default came from.</param>
public sealed record AllowedReposConstraint(
    string Name, ConstraintMatch Match, IReadOnlyList<RepoEntry> Repos, EnforcementAction Action, string Source)
{
    public const string Kind = "K8sAllowedRepos";

    /// <summary>The name of the rule used when no constraint is configured.</summary>
    public const string DefaultName = "berth-allowed-registries";

    private static readonly JsonSerializerOptions ListJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The default: images only from Berth's own address. Without a known address it admits nothing, which
    /// fails closed rather than open.
    /// </summary>
    public static AllowedReposConstraint Default(string? registryAddress)
    {
        var entries = new List<RepoEntry>();
        if (!string.IsNullOrEmpty(registryAddress) && RepoEntry.Parse(registryAddress, out _) is { } entry) entries.Add(entry);
        return new AllowedReposConstraint(DefaultName, ConstraintMatch.Everything, entries, EnforcementAction.Deny, "default (Server:ExternalUrl)");
    }

    /// <summary>The entries as written, rendered as Gatekeeper's messages show them: <c>["a","b"]</c>.</summary>
    public string ReposText => JsonSerializer.Serialize(Repos.Select(r => r.Text), ListJson);

    /// <summary>Null when the image is admitted, else the message in the form.</summary>
    public string? Violation(ContainerImage container, Berth.Core.ImageReference? image, string? parseError)
    {
        if (image is null)
            return $"[denied by {Name}] {container.Label} \"{container.Name}\" has an invalid image reference \"{container.Image}\": {parseError}";
        return Repos.Any(r => r.Admits(image))
            ? null
            : $"[denied by {Name}] {container.Label} \"{container.Name}\" has an invalid image repo \"{image}\", allowed repos are {ReposText}";
    }
}
