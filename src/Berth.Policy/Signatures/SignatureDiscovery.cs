using System.Text.Json;
using Berth.Core;
using Berth.Metadata;
using Berth.Metadata.Artifacts;

namespace Berth.Policy.Signatures;

/// <summary>
/// Finds an artifact's signatures from the registry's own metadata, in the artifact's repository: cosign's legacy
/// <c>sha256-&lt;hex&gt;.sig</c> tag (an image manifest of simple-signing layers carrying the signature annotation),
/// cosign v3's Sigstore-bundle referrers (not its attestations, which carry another predicate type), and notation's
/// referrers (by <c>artifactType</c>, or the config media type when the client wrote none).
/// </summary>
public sealed class SignatureDiscovery(IRegistryMetadata metadata)
{
    public async Task<IReadOnlyList<SignatureManifest>> FindAsync(ArtifactSubject subject, SignatureKind kind, CancellationToken cancellationToken)
    {
        var found = new List<SignatureManifest>();
        if (kind == SignatureKind.Cosign)
        {
            var legacy = await LoadAsync(subject.Repository, AccessoryTags.For(subject.Digest, ".sig"), cancellationToken);
            if (legacy is not null && legacy.Layers.Any(IsCosignSignatureLayer)) found.Add(legacy);
        }
        foreach (var referrer in await metadata.ListReferrersAsync(subject.Repository, subject.Digest, null, cancellationToken))
        {
            if (!IsSignatureReferrer(referrer.ArtifactType, referrer.AnnotationsJson, kind)) continue;
            var manifest = await LoadAsync(subject.Repository, referrer.Digest.ToString(), cancellationToken);
            if (manifest is not null) found.Add(manifest);
        }
        return found;
    }

    /// <summary>True when the stored artifact itself is a signature object (see <see cref="SignatureManifest.IsSignatureObject"/>).</summary>
    public async Task<bool> IsSignatureAsync(string repository, Digest digest, CancellationToken cancellationToken) =>
        await LoadAsync(repository, digest.ToString(), cancellationToken) is { IsSignatureObject: true };

    public static bool IsCosignSignatureLayer(SignatureLayer layer) =>
        layer.MediaType == SignatureFormats.SimpleSigningLayer && layer.Annotations.ContainsKey(SignatureFormats.CosignSignatureAnnotation);

    private static bool IsSignatureReferrer(string? artifactType, string? annotationsJson, SignatureKind kind) => kind switch
    {
        SignatureKind.Cosign => SignatureFormats.IsSigstoreBundle(artifactType)
            && PredicateTypeOf(annotationsJson) is null or SignatureFormats.CosignSignPredicate,
        _ => artifactType == SignatureFormats.NotationSignature,
    };

    /// <summary>The bundle's predicate type as cosign annotates the referrer, or null when it did not say.</summary>
    private static string? PredicateTypeOf(string? annotationsJson)
    {
        if (annotationsJson is null) return null;
        try
        {
            using var document = JsonDocument.Parse(annotationsJson);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(SignatureFormats.BundlePredicateTypeAnnotation, out var value)
                && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<SignatureManifest?> LoadAsync(string repository, string reference, CancellationToken cancellationToken)
    {
        var stored = await metadata.FindManifestAsync(repository, reference, cancellationToken);
        return stored is null ? null : SignatureManifest.Parse(stored.Digest, stored.Content);
    }
}
