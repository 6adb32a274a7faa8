using System.Text.RegularExpressions;

namespace Berth.Core;

/// <summary>
/// The OCI distribution spec's repository name grammar: lower-case path components separated by
/// '/', each made of alphanumerics joined by '.', '_', '__' or runs of '-'. Several levels are allowed
/// (<c>project/team/app</c>).
/// </summary>
public static partial class RepositoryName
{
    /// <summary>Distribution's limit; longer names are refused with NAME_INVALID.</summary>
    public const int MaxLength = 255;

    // \z, not $: $ also matches before a final "\n", which would let "library/nginx\n" through.
    [GeneratedRegex(@"^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();

    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= MaxLength && Grammar().IsMatch(name);
}
