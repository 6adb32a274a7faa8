using Berth.Access.Identity;
using Berth.Metadata.Access;

namespace Berth.Api.Projects;

/// <summary>A project the caller was allowed into, with what decided it.</summary>
public sealed record ProjectGrant(ProjectRecord Project, ProjectAccess Access, Principal Caller);
