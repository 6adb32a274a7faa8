using Berth.Metadata.Immutability;

namespace Berth.Api.Immutability;

/// <summary>Harbor's <c>ImmutableSelector</c>: <c>{"kind":"doublestar","decoration":"matches","pattern":"v*"}</c>.</summary>
public sealed record ImmutableSelectorJson(string? Kind, string? Decoration, string? Pattern)
{
    public static ImmutableSelectorJson From(ImmutableSelectorRecord selector) => new(selector.Kind, selector.Decoration, selector.Pattern);

    public ImmutableSelectorRecord ToRecord() => new(Kind ?? "", Decoration ?? "", Pattern ?? "");
}
