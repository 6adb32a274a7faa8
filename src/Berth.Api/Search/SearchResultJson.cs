using System.Text.Json.Serialization;
using Berth.Api.Projects;

namespace Berth.Api.Search;

/// <summary>Harbor's <c>Search</c> JSON: <c>{"project":[…],"repository":[…]}</c> (singular keys, as Harbor has them).</summary>
public sealed record SearchResultJson(
    [property: JsonPropertyName("project")] IReadOnlyList<ProjectJson> Projects,
    [property: JsonPropertyName("repository")] IReadOnlyList<SearchRepositoryJson> Repositories);
