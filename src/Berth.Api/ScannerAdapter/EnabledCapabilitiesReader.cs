using Berth.Scanning.Reports.Formats;

namespace Berth.Api.ScannerAdapter;

/// <summary>
/// Checks a scan request's <c>enabled_capabilities</c> as the spec sorts failures: 422 for an entry that is malformed
/// (an unknown type, a type listed twice, an sbom media type outside the spec's enum), 501 for report types Berth does
/// not write.
/// </summary>
public static class EnabledCapabilitiesReader
{
    public static (AdapterCapabilities? Capabilities, AdapterError? Error) Check(IReadOnlyList<ScanRequestCapabilityJson?>? capabilities)
    {
        if (capabilities is null or { Count: 0 }) return (AdapterCapabilities.VulnerabilityOnly, null);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var capability in capabilities)
        {
            if (capability?.Type is not (AdapterCapabilities.Vulnerability or AdapterCapabilities.Sbom))
                return Invalid($"enabled_capabilities type '{capability?.Type}' is neither vulnerability nor sbom");
            if (!seen.Add(capability.Type)) return Invalid($"enabled_capabilities lists {capability.Type} twice");
        }

        var vulnerability = capabilities.FirstOrDefault(c => c!.Type == AdapterCapabilities.Vulnerability);
        if (vulnerability is not null && !Produces(vulnerability, AdapterMediaTypes.ProducedReports))
            return Unsupported($"none of the report types {string.Join(", ", vulnerability.ProducesMimeTypes!)} is one Berth writes "
                + $"for vulnerability ({string.Join(", ", AdapterMediaTypes.ProducedReports)})");

        IReadOnlyList<string> documents = [];
        if (capabilities.FirstOrDefault(c => c!.Type == AdapterCapabilities.Sbom) is { } sbom)
        {
            if (!Produces(sbom, AdapterMediaTypes.ProducedSbomReports))
                return Unsupported($"none of the report types {string.Join(", ", sbom.ProducesMimeTypes!)} is one Berth writes "
                    + $"for sbom ({string.Join(", ", AdapterMediaTypes.ProducedSbomReports)})");
            var (chosen, error) = SbomDocuments(sbom.Parameters?.SbomMediaTypes);
            if (chosen is null) return (null, error);
            documents = chosen;
        }
        return (new AdapterCapabilities(vulnerability is not null, documents), null);
    }

    /// <summary>Whether the entry's report types (none listed means all of them) include one Berth writes.</summary>
    private static bool Produces(ScanRequestCapabilityJson capability, IReadOnlyList<string> written) =>
        capability.ProducesMimeTypes is not { Count: > 0 } wanted
        || wanted.Any(type => written.Any(known => AdapterMediaTypes.Matches(type, known)));

    /// <summary>The documents <c>parameters.sbom_media_types</c> picks, canonical and each once; none listed means all.</summary>
    private static (IReadOnlyList<string>? Documents, AdapterError? Error) SbomDocuments(IReadOnlyList<string?>? wanted)
    {
        if (wanted is not { Count: > 0 }) return (SbomFormats.MediaTypes, null);
        var documents = new List<string>();
        foreach (var mediaType in wanted)
        {
            // The spec's SbomParameters enumerates the two values, so anything else is an invalid field (422), not a
            // missing capability (501).
            if (SbomFormats.Find(mediaType) is not { } format)
                return (null, AdapterError.Unprocessable(
                    $"enabled_capabilities sbom parameters.sbom_media_types '{mediaType}' is not one Berth writes ({string.Join(", ", SbomFormats.MediaTypes)})"));
            if (!documents.Contains(format.MediaType)) documents.Add(format.MediaType);
        }
        return (documents, null);
    }

    private static (AdapterCapabilities?, AdapterError?) Invalid(string message) => (null, AdapterError.Unprocessable(message));

    private static (AdapterCapabilities?, AdapterError?) Unsupported(string message) => (null, AdapterError.NotImplemented(message));
}
