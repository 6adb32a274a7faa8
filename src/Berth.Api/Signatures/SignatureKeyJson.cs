using Berth.Metadata.Signatures;

namespace Berth.Api.Signatures;

/// <summary>A trusted key as the API shows it (snake_case, Harbor style); the PEM is public material, so it is shown.</summary>
public sealed record SignatureKeyJson(
    long Id, long ProjectId, string Name, string Usage, string Algorithm, string Fingerprint, string Pem, string Creator, DateTimeOffset CreationTime)
{
    public static SignatureKeyJson From(SignatureKeyRecord key) =>
        new(key.Id, key.ProjectId, key.Name, key.Usage, key.Algorithm, key.Fingerprint, key.Pem, key.CreatedBy, key.CreatedAt);
}
