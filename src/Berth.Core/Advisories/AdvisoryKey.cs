namespace Berth.Core.Advisories;

/// <summary>What advisories are looked up by: an ecosystem string and a normalised package name.</summary>
public readonly record struct AdvisoryKey(string Ecosystem, string Package);
