using System.Security.Cryptography;
using System.Text;

namespace Berth.Access.Tests.Tokens;

/// <summary>Builds JWTs by hand, the way an attacker or another issuer would, to feed the validator.</summary>
internal static class ForgedToken
{
    public static string Encode(string text) => Encode(Encoding.UTF8.GetBytes(text));

    public static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Decode(string part)
    {
        var padded = part.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        return Convert.FromBase64String(padded);
    }

    public static string SignedRs256(RSA key, string headerJson, string payloadJson)
    {
        var input = $"{Encode(headerJson)}.{Encode(payloadJson)}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{input}.{Encode(signature)}";
    }

    public static string SignedHs256(byte[] secret, string headerJson, string payloadJson)
    {
        var input = $"{Encode(headerJson)}.{Encode(payloadJson)}";
        return $"{input}.{Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(input)))}";
    }

    public static string Unsigned(string headerJson, string payloadJson) => $"{Encode(headerJson)}.{Encode(payloadJson)}.";

    /// <summary>Claims a genuine token would carry, valid around <paramref name="now"/>, with the given audience JSON.</summary>
    public static string Claims(DateTimeOffset now, string issuer = "berth-token-issuer", string audienceJson = "\"berth-registry\"") =>
        $$"""
        {"iss":"{{issuer}}","sub":"mallory","aud":{{audienceJson}},"exp":{{now.AddMinutes(30).ToUnixTimeSeconds()}},"nbf":{{now.ToUnixTimeSeconds()}},"iat":{{now.ToUnixTimeSeconds()}},"jti":"0123456789abcdef","access":[{"type":"repository","name":"team/app","actions":["pull","push","delete"]}]}
        """;
}
