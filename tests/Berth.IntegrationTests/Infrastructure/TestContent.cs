namespace Berth.IntegrationTests.Infrastructure;

/// <summary>Blob content for tests: pseudo-random, so it neither compresses nor repeats, and reproducible by seed.</summary>
public static class TestContent
{
    public static byte[] Random(int length, int seed)
    {
        var content = new byte[length];
        new Random(seed).NextBytes(content);
        return content;
    }
}
