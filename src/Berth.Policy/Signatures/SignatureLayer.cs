using Berth.Core;

namespace Berth.Policy.Signatures;

/// <summary>One layer of a signature manifest, with its annotations (where cosign keeps the signature).</summary>
public sealed record SignatureLayer(string MediaType, Digest Digest, long Size, IReadOnlyDictionary<string, string> Annotations);
