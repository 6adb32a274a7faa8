using Berth.Access.Identity;
using Berth.Metadata.Access;

namespace Berth.Api.Robots;

/// <summary>A checked permission list: the project a project-level robot belongs to (null for system robots) and its grants.</summary>
public sealed record RobotScope(ProjectRecord? Project, IReadOnlyList<RobotGrant> Grants);
