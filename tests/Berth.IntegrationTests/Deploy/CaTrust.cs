using System.Security.Cryptography.X509Certificates;

namespace Berth.IntegrationTests.Deploy;

/// <summary>
/// Verifies a certificate the way the apiserver does with a webhook's caBundle: the given CA is the only
/// trust anchor, the machine's roots play no part, and there is no revocation to look up.
/// </summary>
public static class CaTrust
{
    public static X509Chain Chain(X509Certificate2 anchor, DateTime verificationTime)
    {
        var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(anchor);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = verificationTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        return chain;
    }

    public static bool Builds(X509Certificate2 leaf, X509Certificate2 anchor, DateTime verificationTime, out X509ChainStatusFlags problems)
    {
        using var chain = Chain(anchor, verificationTime);
        var built = chain.Build(leaf);
        problems = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, status) => all | status.Status);
        return built;
    }
}
