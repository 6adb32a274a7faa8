using System.Net;
using System.Text;
using System.Text.Json;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Api;

/// <summary>Small steps the /api/v2.0 tests share: JSON bodies, clients signed in as some user, creating users.</summary>
internal static class ApiCalls
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A fresh name per call, so tests sharing one server never collide.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public static HttpClient SignedIn(BerthServer server, string username, string password)
    {
        var client = server.CreateAnonymousClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation(
            "Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
        return client;
    }

    /// <summary>Creates the user as the administrator and returns the id from the Location header.</summary>
    public static async Task<long> CreateUserAsync(BerthServer server, string username, string password)
    {
        using var admin = server.CreateClient();
        using var response = await admin.PostAsync("api/v2.0/users",
            Json($$"""{"username":"{{username}}","password":"{{password}}","email":"{{username}}@example.com","realname":"{{username}}"}"""));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/api/v2.0/users/", location);
        return long.Parse(location["/api/v2.0/users/".Length..]);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The message of Harbor's error JSON, after checking the status.</summary>
    public static async Task<string> ErrorMessageAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("errors")[0].GetProperty("message").GetString()!;
    }
}
