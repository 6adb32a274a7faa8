namespace Berth.Core.Errors;

/// <summary>
/// One of the error codes of the OCI distribution spec, with the HTTP status it usually travels with
/// and its standard message. The spec closes the list of codes a 4xx body may carry; the one addition is
/// Harbor's <see cref="ProjectPolicyViolation"/>, which Harbor's clients and users already know from refused pulls.
/// Any other condition without a fitting code is answered with its HTTP status alone.
/// </summary>
public sealed record OciErrorCode(string Code, int Status, string Message)
{
    public static readonly OciErrorCode BlobUnknown = new("BLOB_UNKNOWN", 404, "blob unknown to registry");
    public static readonly OciErrorCode BlobUploadInvalid = new("BLOB_UPLOAD_INVALID", 400, "blob upload invalid");
    public static readonly OciErrorCode BlobUploadUnknown = new("BLOB_UPLOAD_UNKNOWN", 404, "blob upload unknown to registry");
    public static readonly OciErrorCode DigestInvalid = new("DIGEST_INVALID", 400, "provided digest did not match uploaded content");
    public static readonly OciErrorCode ManifestBlobUnknown = new("MANIFEST_BLOB_UNKNOWN", 400, "manifest references a manifest or blob unknown to registry");
    public static readonly OciErrorCode ManifestInvalid = new("MANIFEST_INVALID", 400, "manifest invalid");
    public static readonly OciErrorCode ManifestUnknown = new("MANIFEST_UNKNOWN", 404, "manifest unknown to registry");
    public static readonly OciErrorCode NameInvalid = new("NAME_INVALID", 400, "invalid repository name");
    public static readonly OciErrorCode NameUnknown = new("NAME_UNKNOWN", 404, "repository name not known to registry");
    public static readonly OciErrorCode SizeInvalid = new("SIZE_INVALID", 400, "provided length did not match content length");
    public static readonly OciErrorCode Unauthorized = new("UNAUTHORIZED", 401, "authentication required");
    public static readonly OciErrorCode Denied = new("DENIED", 403, "requested access to the resource is denied");
    public static readonly OciErrorCode Unsupported = new("UNSUPPORTED", 405, "the operation is unsupported");
    public static readonly OciErrorCode TooManyRequests = new("TOOMANYREQUESTS", 429, "too many requests");
    /// <summary>Harbor's refusal of a pull by the project's deployment policy (vulnerabilities, signatures): 412.</summary>
    public static readonly OciErrorCode ProjectPolicyViolation = new("PROJECTPOLICYVIOLATION", 412, "the artifact violates the project's policy");
    public static readonly OciErrorCode Internal = new("UNKNOWN", 500, "unknown error");

    /// <summary>This code with a specific message (and optionally another status) for one occurrence.</summary>
    public OciError With(string message, int? status = null, object? detail = null) =>
        new(this, message, status ?? Status, detail);

    public OciError Default() => new(this, Message, Status, null);
}
