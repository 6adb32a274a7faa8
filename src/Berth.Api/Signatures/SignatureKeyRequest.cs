namespace Berth.Api.Signatures;

/// <summary>
/// The body of <c>POST /projects/{project}/signature-keys</c>: a name, which signatures the key verifies
/// (<c>cosign</c> or <c>notation</c>) and the PEM public key or certificate. All optional here, so a missing field
/// gets a 400 naming it.
/// </summary>
public sealed class SignatureKeyRequest
{
    public string? Name { get; set; }
    public string? Usage { get; set; }
    public string? Pem { get; set; }
}
