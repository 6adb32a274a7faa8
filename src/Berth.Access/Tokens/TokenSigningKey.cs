using System.Security.Cryptography;

namespace Berth.Access.Tokens;

/// <summary>
/// The RSA key that signs registry tokens. Created on first start and kept in the data directory (mode
/// 0600) so tokens stay valid across restarts and all replicas sharing the directory agree.
/// </summary>
public sealed class TokenSigningKey : IDisposable
{
    public RSA Rsa { get; }

    /// <summary>A stable id of the public key, sent as the JWT <c>kid</c>.</summary>
    public string KeyId { get; }

    private TokenSigningKey(RSA rsa)
    {
        Rsa = rsa;
        var thumbprint = SHA256.HashData(rsa.ExportSubjectPublicKeyInfo());
        KeyId = Base64Url.Encode(thumbprint.AsSpan(0, 15));
    }

    public static TokenSigningKey LoadOrCreate(string path)
    {
        var rsa = RSA.Create();
        if (File.Exists(path))
        {
            rsa.ImportFromPem(File.ReadAllText(path));
            return new TokenSigningKey(rsa);
        }
        rsa.KeySize = 2048;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // A temporary file of its own: callers racing on one path must not write into, or move, each other's key.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        // Owner-only from creation on, not after: the private key is never readable by others, not even briefly.
        if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new FileStream(temporary, create))
        {
            file.Write(System.Text.Encoding.ASCII.GetBytes(rsa.ExportPkcs8PrivateKeyPem()));
            // On disk before the rename, so a crash cannot leave an empty key file behind the real name.
            file.Flush(flushToDisk: true);
        }
        // Two processes starting together on a fresh directory: the first key to land wins, both use it.
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        return new TokenSigningKey(rsa);
    }

    public void Dispose() => Rsa.Dispose();
}
