namespace Berth.Metadata.Access;

/// <summary>A user's membership of a project, with Harbor's role id.</summary>
public sealed record ProjectMember(long Id, long ProjectId, long UserId, string Username, int Role);
