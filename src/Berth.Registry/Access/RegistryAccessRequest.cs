namespace Berth.Registry.Access;

/// <summary>One permission a request needs: actions on a repository (or the catalog, with no repository).</summary>
public sealed record RegistryAccessRequest(string? Repository, RegistryAction Actions);
