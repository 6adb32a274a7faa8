namespace Berth.Registry.Access;

/// <summary>What a /v2 request wants to do, in the Docker token scope's words.</summary>
[Flags]
public enum RegistryAction
{
    None = 0,
    Pull = 1,
    Push = 2,
    Delete = 4,
    /// <summary>Listing every repository (<c>registry:catalog:*</c>).</summary>
    Catalog = 8,
}
