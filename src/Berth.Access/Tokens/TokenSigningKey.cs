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
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, rsa.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
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
