namespace Berth.Bench.Registry;

/// <summary>
/// How the timed iterations authenticate. Setup pushes always use the --user credentials, so a test's
/// images exist whatever the load does.
/// </summary>
public enum LoadAuth
{
    /// <summary>No credentials: what a cluster pulling a public image sends.</summary>
    Anonymous,

    /// <summary>--user as Basic on every request, up front.</summary>
    Basic,

    /// <summary>
    /// A token per repository from the realm the registry's 401 challenge names, fetched once and then
    /// sent on every request, as docker and containerd do.
    /// </summary>
    Bearer,
}
