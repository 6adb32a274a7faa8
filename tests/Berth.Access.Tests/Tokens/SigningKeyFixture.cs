using Berth.Access.Tokens;

namespace Berth.Access.Tests.Tokens;

/// <summary>One signing key in a temporary directory, shared by a test class because RSA key generation is slow.</summary>
public sealed class SigningKeyFixture : IDisposable
{
    private readonly TempDirectory _directory = new();

    public SigningKeyFixture() => Key = TokenSigningKey.LoadOrCreate(System.IO.Path.Combine(_directory.Path, "token-signing.pem"));

    public TokenSigningKey Key { get; }

    public void Dispose()
    {
        Key.Dispose();
        _directory.Dispose();
    }
}
