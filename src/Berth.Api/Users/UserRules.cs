using System.Text.RegularExpressions;
using Berth.Api.Http;

namespace Berth.Api.Users;

/// <summary>
/// What Harbor accepts in a user's fields (src/server/v2.0/handler/user.go): a strong enough password and a
/// sane profile. Each check returns the 400 to answer with, or null.
/// </summary>
public static partial class UserRules
{
    [GeneratedRegex("[a-z]", RegexOptions.CultureInvariant)]
    private static partial Regex Lower();

    [GeneratedRegex("[A-Z]", RegexOptions.CultureInvariant)]
    private static partial Regex Upper();

    [GeneratedRegex("[0-9]", RegexOptions.CultureInvariant)]
    private static partial Regex Digit();

    [GeneratedRegex(@"^[^@\s<>()\[\]\\,;:""]+@([A-Za-z0-9-]+\.)+[A-Za-z]{2,}\z", RegexOptions.CultureInvariant)]
    private static partial Regex EmailGrammar();

    public static HarborError? CheckPassword(string? password) =>
        password is { Length: >= 8 and <= 128 } && Lower().IsMatch(password) && Upper().IsMatch(password) && Digit().IsMatch(password)
            ? null
            : HarborError.BadRequest("the password must be 8 to 128 characters with at least 1 uppercase letter, 1 lowercase letter and 1 number");

    public static HarborError? CheckUsername(string? username)
    {
        if (string.IsNullOrWhiteSpace(username) || username.Length > 255)
            return HarborError.BadRequest("username must be 1 to 255 characters");
        // Harbor's illegal characters, plus ':' (it ends the name in Basic credentials) and controls. '$' also keeps
        // local users out of the robot$ namespace, which sign-in routes to robot accounts.
        if (username.IndexOfAny([',', '~', '#', '$', '%', ':']) >= 0 || username.Any(char.IsControl) || username.Trim() != username)
            return HarborError.BadRequest($"username '{username}' contains illegal characters (, ~ # $ % : or surrounding spaces)");
        return null;
    }

    public static HarborError? CheckProfile(string email, string realname, string comment)
    {
        if (email.Length > 0 && (email.Length > 255 || !EmailGrammar().IsMatch(email)))
            return HarborError.BadRequest($"email '{email}' has an illegal format");
        if (realname.Length > 255) return HarborError.BadRequest("realname must be at most 255 characters");
        if (realname.IndexOfAny([',', '~', '#', '$', '%']) >= 0)
            return HarborError.BadRequest("realname contains illegal characters (, ~ # $ %)");
        if (comment.Length > 30) return HarborError.BadRequest("comment must be at most 30 characters");
        return null;
    }
}
