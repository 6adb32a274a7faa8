using Berth.Api.Http;
using Berth.Metadata.Access;
using Microsoft.AspNetCore.Http;

namespace Berth.Api.Users;

/// <summary>
/// GET /users filters as Harbor reads them: <c>username</c> and <c>email</c> parameters (fuzzy), and
/// <c>q=username=~ali,email=bob@x.org</c> (<c>=~</c> fuzzy, <c>=</c> exact).
/// </summary>
public sealed class UserFilter
{
    private readonly List<(string Key, string Value, bool Exact)> _terms = [];

    /// <summary>A fragment every matching username contains, for the store to narrow by; null when there is none.</summary>
    public string? NameFragment => _terms.FirstOrDefault(t => t.Key == "username").Value;

    public static (UserFilter? Filter, HarborError? Error) Parse(IQueryCollection query)
    {
        var filter = new UserFilter();
        foreach (var key in new[] { "username", "email" })
        {
            if (query[key].ToString() is { Length: > 0 } value) filter._terms.Add((key, value, false));
        }
        var q = query["q"].ToString();
        foreach (var term in q.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = term.IndexOf('=');
            if (equals <= 0) return (null, HarborError.BadRequest($"query term '{term}' is not key=value or key=~value"));
            var key = term[..equals];
            var fuzzy = term.Length > equals + 1 && term[equals + 1] == '~';
            var value = term[(equals + (fuzzy ? 2 : 1))..];
            if (key is not ("username" or "email"))
                return (null, HarborError.BadRequest($"query key '{key}' is not supported for users: use username or email"));
            filter._terms.Add((key, value, !fuzzy));
        }
        return (filter, null);
    }

    public bool Matches(UserAccount user) => _terms.All(t =>
    {
        var field = t.Key == "username" ? user.Username : user.Email;
        return t.Exact ? field == t.Value : field.Contains(t.Value, StringComparison.OrdinalIgnoreCase);
    });
}
