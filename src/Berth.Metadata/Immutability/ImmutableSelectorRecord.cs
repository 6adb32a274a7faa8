namespace Berth.Metadata.Immutability;

/// <summary>
/// One selector of an immutable tag rule as Harbor stores it: <see cref="Kind"/> <c>doublestar</c>, a decoration
/// (<c>matches</c>/<c>excludes</c> for tags, <c>repoMatches</c>/<c>repoExcludes</c> for repositories) and the pattern.
/// </summary>
public sealed record ImmutableSelectorRecord(string Kind, string Decoration, string Pattern);
