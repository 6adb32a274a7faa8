using Berth.Core;

namespace Berth.Policy.Admission;

/// <summary>
/// The configured <c>Admission:PinDigests</c> rules. None (the default) pins nothing: the mutating webhook then
/// answers every review allowed, without a patch.
/// </summary>
public sealed class DigestPinning(IReadOnlyList<DigestPinRule> rules)
{
    public const string ConfigurationKey = "Admission:PinDigests";

    public static DigestPinning None { get; } = new([]);

    public IReadOnlyList<DigestPinRule> Rules { get; } = rules;

    public bool Pins(string @namespace, ImageReference image) => Rules.Any(r => r.Matches(@namespace, image));
}
