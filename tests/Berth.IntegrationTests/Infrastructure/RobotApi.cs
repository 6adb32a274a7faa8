using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Berth.IntegrationTests.Infrastructure;

/// <summary>Robot accounts through Berth's Harbor-compatible API, and the checks a registry client makes with them.</summary>
public static class RobotApi
{
    /// <summary>One permission entry of Harbor's robot JSON: namespace and <c>resource:action</c> pairs.</summary>
    public static string Permission(string kind, string space, params string[] access) =>
        $$"""{"kind":"{{kind}}","namespace":"{{space}}","access":[{{string.Join(',', access.Select(a =>
            $$"""{"resource":"{{a.Split(':')[0]}}","action":"{{a.Split(':')[1]}}"}"""))}}]}""";

    public static string Body(string name, string level, int duration, params string[] permissions) =>
        $$"""{"name":"{{name}}","description":"made by a test","level":"{{level}}","duration":{{duration}},"disable":false,"permissions":[{{string.Join(',', permissions)}}]}""";

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Creates a robot and returns its id, full name and secret; fails unless the answer is 201.</summary>
    public static async Task<(long Id, string Name, string Secret)> CreateAsync(HttpClient client, string body)
    {
        using var response = await client.PostAsync("api/v2.0/robots", Json(body));
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"creating a robot answered {(int)response.StatusCode}: {text}");
        var created = JsonDocument.Parse(text).RootElement;
        return (created.GetProperty("id").GetInt64(), created.GetProperty("name").GetString()!, created.GetProperty("secret").GetString()!);
    }

    public static string Basic(string username, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));

    /// <summary>A client that sends these credentials with every request.</summary>
    public static HttpClient ClientAs(BerthServer server, string username, string password)
    {
        var client = server.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(Basic(username, password));
        return client;
    }

    /// <summary>
    /// Asks the token service for <paramref name="scope"/> as a registry client would: the status, and on
    /// success the actions the token grants, sorted and comma-separated ("pull,push"; empty for none).
    /// </summary>
    public static async Task<(HttpStatusCode Status, string Actions)> TokenAsync(BerthServer server, string username, string password, string scope)
    {
        using var client = ClientAs(server, username, password);
        using var response = await client.GetAsync($"service/token?service=berth-registry&scope={Uri.EscapeDataString(scope)}");
        if (response.StatusCode != HttpStatusCode.OK) return (response.StatusCode, "");
        var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        var claims = JsonDocument.Parse(Convert.FromBase64String(payload)).RootElement;
        var actions = claims.GetProperty("access").EnumerateArray()
            .SelectMany(a => a.GetProperty("actions").EnumerateArray().Select(x => x.GetString()!)).Order();
        return (HttpStatusCode.OK, string.Join(',', actions));
    }
}
