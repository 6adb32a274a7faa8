namespace Berth.Metadata.Signatures;

/// <summary>The public keys each project trusts for signatures (Berth's addition to Harbor's content trust).</summary>
public interface ISignatureKeyStore
{
    /// <summary>The project's keys, oldest first.</summary>
    Task<IReadOnlyList<SignatureKeyRecord>> ListAsync(long projectId, CancellationToken cancellationToken);

    /// <summary>The stored key, or null when the project already has a key of that name, or the same key for that usage.</summary>
    Task<SignatureKeyRecord?> AddAsync(long projectId, NewSignatureKey key, CancellationToken cancellationToken);

    /// <summary>True when the project had that key.</summary>
    Task<bool> DeleteAsync(long projectId, long keyId, CancellationToken cancellationToken);
}
