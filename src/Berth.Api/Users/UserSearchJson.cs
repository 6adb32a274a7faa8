namespace Berth.Api.Users;

/// <summary>Harbor's <c>UserSearchRespItem</c>: all that any signed-in user may learn about another.</summary>
public sealed record UserSearchJson(long UserId, string Username);
