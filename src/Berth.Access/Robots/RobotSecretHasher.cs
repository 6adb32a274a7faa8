using System.Security.Cryptography;
using System.Text;

namespace Berth.Access.Robots;

/// <summary>
/// Robot secrets are long random strings, so a salted SHA-256 protects them as well as a slow hash would
/// and keeps every robot request cheap (Harbor stores them the same way). Format <c>sha256$salt$hash</c>.
/// </summary>
public static class RobotSecretHasher
{
    private const string Scheme = "sha256";

    public static string Hash(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return string.Join('$', Scheme, Convert.ToBase64String(salt), Convert.ToBase64String(Compute(salt, secret)));
    }

    public static bool Verify(string secret, string encoded)
    {
        var parts = encoded.Split('$');
        if (parts.Length != 3 || parts[0] != Scheme) return false;
        try
        {
            var salt = Convert.FromBase64String(parts[1]);
            var expected = Convert.FromBase64String(parts[2]);
            return CryptographicOperations.FixedTimeEquals(Compute(salt, secret), expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static byte[] Compute(byte[] salt, string secret)
    {
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        var input = new byte[salt.Length + secretBytes.Length];
        salt.CopyTo(input, 0);
        secretBytes.CopyTo(input, salt.Length);
        return SHA256.HashData(input);
    }
}
