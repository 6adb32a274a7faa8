using System.Security.Cryptography;

namespace Berth.Access.Passwords;

/// <summary>Random secrets for generated admin passwords and robot accounts.</summary>
public static class GeneratedSecret
{
    // No look-alike characters (0/O, 1/l/I): these secrets get copied by hand from a terminal.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static string Create(int length = 32) => RandomNumberGenerator.GetString(Alphabet, length);
}
