namespace Berth.Metadata.Access;

/// <summary>What creating a user needs; the password arrives already hashed.</summary>
public sealed record NewUser(string Username, string PasswordHash, string Email = "", string Realname = "", string Comment = "", bool SysAdmin = false);
