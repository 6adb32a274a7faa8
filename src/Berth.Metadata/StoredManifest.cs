using Berth.Core;

namespace Berth.Metadata;

/// <summary>What a manifest GET serves: the exact bytes pushed, their digest and media type.</summary>
public sealed record StoredManifest(Digest Digest, string MediaType, byte[] Content);
