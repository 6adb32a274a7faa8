using Berth.Access.Identity;
using Berth.Metadata.Access;

namespace Berth.Api.Projects;

/// <summary>A project the caller was allowed to act on, with the facts that allowed it.</summary>
public sealed record AuthorizedProject(ProjectRecord Project, ProjectAccess Access, Principal Caller);
