using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Berth.Scanning.Advisories.Importers;

/// <summary>
/// Streams the members of a top-level JSON object one at a time, so a feed that is one huge object keyed
/// by package (the Debian security tracker's tens of megabytes) is read with memory bounded by its largest
/// member, not its size. Malformed JSON surfaces as <see cref="JsonException"/>.
/// </summary>
public static class JsonObjectMembers
{
    private enum Step { NeedMoreData, Started, Member, End }

    public static async IAsyncEnumerable<(string Name, JsonNode? Value)> ReadAsync(
        Stream stream, int maxMemberBytes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var filled = 0;
            var final = false;
            var started = false;
            var state = new JsonReaderState();
            while (true)
            {
                var step = Next(buffer.AsSpan(0, filled), final, ref state, ref started, out var consumed, out var name, out var value);
                if (step == Step.End) yield break;
                if (step is Step.Member or Step.Started)
                {
                    Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                    filled -= consumed;
                    if (step == Step.Member) yield return (name!, value);
                    continue;
                }
                if (final) throw new JsonException("the JSON ends inside the top-level object");
                if (filled == buffer.Length)
                {
                    if (buffer.Length >= maxMemberBytes) throw new JsonException($"a top-level member is larger than {maxMemberBytes} bytes");
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxMemberBytes));
                    Buffer.BlockCopy(buffer, 0, larger, 0, filled);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                if (read == 0) final = true;
                filled += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Reads the next whole member from <paramref name="data"/>. The reader state is only advanced when a
    /// member (or the end) was read completely, so a partial member is retried once more data arrived.
    /// </summary>
    private static Step Next(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state, ref bool started,
        out int consumed, out string? name, out JsonNode? value)
    {
        consumed = 0;
        name = null;
        value = null;
        var reader = new Utf8JsonReader(data, final, state);
        if (!started)
        {
            if (!reader.Read()) return Step.NeedMoreData;
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("the document is not a JSON object");
            started = true;
            consumed = (int)reader.BytesConsumed;
            state = reader.CurrentState;
            return Step.Started;
        }
        if (!reader.Read()) return Step.NeedMoreData;
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            state = reader.CurrentState;
            return Step.End;
        }
        var memberName = reader.GetString()!;
        if (!reader.Read()) return Step.NeedMoreData;
        var start = (int)reader.TokenStartIndex;
        if (!reader.TrySkip()) return Step.NeedMoreData;
        var end = (int)reader.BytesConsumed;
        value = JsonNode.Parse(data[start..end]);
        name = memberName;
        consumed = end;
        state = reader.CurrentState;
        return Step.Member;
    }
}
