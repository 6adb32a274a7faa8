using System.Text.RegularExpressions;

namespace Berth.Core;

/// <summary>The spec's tag grammar: <c>[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}</c>.</summary>
public static partial class TagName
{
    // \z, not $: $ also matches before a final "\n", which would let "latest\n" through.
    [GeneratedRegex(@"^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();

    public static bool IsValid(string? tag) => !string.IsNullOrEmpty(tag) && Grammar().IsMatch(tag);
}
