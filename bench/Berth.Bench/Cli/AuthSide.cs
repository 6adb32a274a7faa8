using Berth.Bench.Registry;

namespace Berth.Bench.Cli;

/// <summary>
/// One of the four loads of `compare-auth`: which registry, how its timed iterations authenticate, and
/// the repository folder its setup pushes into, so the three Berth loads never share an image.
/// </summary>
public sealed record AuthSide(string Label, LoadAuth Auth, bool OnDistribution, string RepositoryFolder)
{
    public static AuthSide BerthAnonymous { get; } = new("Berth anonymous", LoadAuth.Anonymous, false, "anonymous");

    public static AuthSide BerthBasic { get; } = new("Berth Basic", LoadAuth.Basic, false, "basic");

    public static AuthSide BerthBearer { get; } = new("Berth Bearer", LoadAuth.Bearer, false, "bearer");

    public static AuthSide DistributionBasic { get; } = new("Distribution Basic", LoadAuth.Basic, true, "basic");

    public static IReadOnlyList<AuthSide> All { get; } = [BerthAnonymous, BerthBasic, BerthBearer, DistributionBasic];
}
