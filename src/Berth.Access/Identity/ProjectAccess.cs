using Berth.Access.Roles;

namespace Berth.Access.Identity;

/// <summary>
/// What decides a principal's permissions in one project: whether the project is public and the
/// principal's role in it (null when not a member).
/// </summary>
public sealed record ProjectAccess(long ProjectId, string ProjectName, bool IsPublic, ProjectRole? Role);
