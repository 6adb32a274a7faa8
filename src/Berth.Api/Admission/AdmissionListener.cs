namespace Berth.Api.Admission;

/// <summary>
/// Where the webhook answers. With an HTTPS listener configured the API server reaches it there, so <c>/admission/*</c>
/// is answered only over TLS and the plain listener says 404: a registry client on the plain port cannot probe
/// policy state (which images exist, what is refused and why). Without one (development, tests) both stay plain.
/// </summary>
public sealed record AdmissionListener(bool TlsOnly);
