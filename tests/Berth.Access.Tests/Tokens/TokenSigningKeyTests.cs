using Berth.Access.Tokens;

namespace Berth.Access.Tests.Tokens;

public sealed class TokenSigningKeyTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string KeyPath => Path.Combine(_directory.Path, "keys", "token-signing.pem");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void LoadOrCreate_NewPath_WritesAPrivateKeyPemReadableOnlyByTheOwner()
    {
        using var key = TokenSigningKey.LoadOrCreate(KeyPath);

        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(KeyPath));
        Assert.Equal(2048, key.Rsa.KeySize);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyPath));
    }

    [Fact]
    public void LoadOrCreate_NewPath_LeavesNoTemporaryFileBehind()
    {
        using var key = TokenSigningKey.LoadOrCreate(KeyPath);

        Assert.Equal([KeyPath], Directory.GetFiles(Path.GetDirectoryName(KeyPath)!));
    }

    [Fact]
    public void LoadOrCreate_Again_KeepsTheSameKey()
    {
        using var first = TokenSigningKey.LoadOrCreate(KeyPath);
        var written = File.ReadAllText(KeyPath);

        using var second = TokenSigningKey.LoadOrCreate(KeyPath);

        Assert.Equal(first.KeyId, second.KeyId);
        Assert.Equal(written, File.ReadAllText(KeyPath));
    }

    [Fact]
    public void LoadOrCreate_Again_VerifiesTokensSignedBefore()
    {
        var clock = new ManualTimeProvider();
        string token;
        using (var first = TokenSigningKey.LoadOrCreate(KeyPath))
            token = new TokenService(first, new TokenOptions(), clock).Issue("alice", []).Token;

        using var second = TokenSigningKey.LoadOrCreate(KeyPath);

        Assert.NotNull(new TokenService(second, new TokenOptions(), clock).Validate(token, out _));
    }

    [Fact]
    public void LoadOrCreate_TwoPaths_GiveDifferentKeysThatRefuseEachOthersTokens()
    {
        var clock = new ManualTimeProvider();
        using var first = TokenSigningKey.LoadOrCreate(KeyPath);
        using var second = TokenSigningKey.LoadOrCreate(Path.Combine(_directory.Path, "other.pem"));

        var token = new TokenService(first, new TokenOptions(), clock).Issue("alice", []).Token;

        Assert.NotEqual(first.KeyId, second.KeyId);
        Assert.Null(new TokenService(second, new TokenOptions(), clock).Validate(token, out _));
    }

    [Fact]
    public void KeyId_IsUnpaddedBase64UrlOfFifteenBytes()
    {
        using var key = TokenSigningKey.LoadOrCreate(KeyPath);

        Assert.Matches("^[A-Za-z0-9_-]{20}$", key.KeyId);
    }

    /// <summary>
    /// Replicas starting together on a fresh shared directory: every one must end up with the key that
    /// is on disk, or tokens issued by one would be refused by another.
    /// </summary>
    [Fact]
    public void LoadOrCreate_ConcurrentlyOnOnePath_AllEndWithTheKeyOnDisk()
    {
        const int Starters = 8;
        for (var round = 0; round < 3; round++)
        {
            var path = Path.Combine(_directory.Path, $"round-{round}", "token-signing.pem");
            var keys = new TokenSigningKey?[Starters];
            var errors = new Exception?[Starters];
            using var start = new Barrier(Starters);
            var threads = Enumerable.Range(0, Starters).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    keys[i] = TokenSigningKey.LoadOrCreate(path);
                }
                catch (Exception e)
                {
                    errors[i] = e;
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            Assert.All(errors, e => Assert.Null(e));
            using var onDisk = TokenSigningKey.LoadOrCreate(path);
            Assert.All(keys, k => Assert.Equal(onDisk.KeyId, k!.KeyId));
            Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
            foreach (var key in keys) key?.Dispose();
        }
    }
}
