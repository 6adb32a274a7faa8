namespace Berth.Metadata.Signatures;

/// <summary>A validated key on its way into a project's trusted keys.</summary>
public sealed record NewSignatureKey(string Name, string Usage, string Algorithm, string Pem, string Fingerprint, string CreatedBy);
