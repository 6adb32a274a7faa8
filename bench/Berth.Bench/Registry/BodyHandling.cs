namespace Berth.Bench.Registry;

/// <summary>What to do with a successful response's body.</summary>
public enum BodyHandling
{
    /// <summary>Read it through a pooled buffer and count the bytes, like a puller writing to disk would.</summary>
    Discard,

    /// <summary>Keep it: manifests, which the puller parses.</summary>
    Keep,
}
