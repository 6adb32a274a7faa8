using System.Text;
using System.Text.Json;
using Berth.Scanning.Advisories;
using Berth.Scanning.Advisories.Importers;

namespace Berth.Scanning.Tests.Advisories;

public sealed class DebianTrackerReaderTests
{
    /// <summary>The tracker's shape (security-tracker.debian.org/tracker/data/json), cut down to the cases that matter.</summary>
    private const string Tracker =
        """
        {
          "openssl": {
            "CVE-2023-0464": {
              "description": "Excessive resource use verifying policy constraints",
              "scope": "remote",
              "releases": {
                "bookworm": {"status": "resolved", "repositories": {"bookworm": "3.0.11-1~deb12u2"}, "fixed_version": "3.0.8-1", "urgency": "not yet assigned"},
                "bullseye": {"status": "resolved", "repositories": {"bullseye": "1.1.1w-0+deb11u1"}, "fixed_version": "1.1.1n-0+deb11u5", "urgency": "low"},
                "buster": {"status": "open", "repositories": {"buster": "1.1.1n-0+deb10u3"}, "urgency": "end-of-life"},
                "trixie": {"status": "resolved", "repositories": {"trixie": "3.1.4-2"}, "fixed_version": "0", "urgency": "not yet assigned"},
                "sid": {"status": "resolved", "repositories": {"sid": "3.1.4-2"}, "fixed_version": "3.0.8-1", "urgency": "not yet assigned"}
              }
            },
            "TEMP-0000000-ABCDEF": {
              "releases": {
                "bookworm": {"status": "open", "repositories": {}, "urgency": "unimportant", "nodsa": "Minor issue", "nodsa_reason": "ignored"}
              }
            }
          },
          "curl": {
            "CVE-2024-2398": {
              "description": "HTTP/2 push headers memory-leak",
              "releases": {
                "bookworm": {"status": "open", "repositories": {}, "urgency": "medium*", "nodsa": "Minor issue", "nodsa_reason": "postponed"},
                "bullseye": {"status": "undetermined", "repositories": {}, "urgency": "not yet assigned"},
                "hamm": {"status": "open", "repositories": {}, "urgency": "high"}
              }
            }
          }
        }
        """;

    private static async Task<List<Advisory>> ReadAsync(Stream stream, int maxPackageBytes = 1 << 20)
    {
        var advisories = new List<Advisory>();
        await foreach (var advisory in DebianTrackerReader.ReadAsync(stream, maxPackageBytes, default)) advisories.Add(advisory);
        return advisories;
    }

    [Fact]
    public void LooksLikeTracker_OnlyForAnObjectOfCveKeyedObjects()
    {
        Assert.True(DebianTrackerReader.LooksLikeTracker(Encoding.UTF8.GetBytes(Tracker)));
        Assert.False(DebianTrackerReader.LooksLikeTracker(File.ReadAllBytes(TestData.Path("advisories", "golang-vulndb", "data", "osv", "GO-2021-0069.json"))));
        Assert.False(DebianTrackerReader.LooksLikeTracker("not json"u8));
    }

    [Fact]
    public async Task Releases_MapToDebianMajors_WithFixesStatusesAndUrgencies()
    {
        var advisories = await ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(Tracker)));

        Assert.Equal(["CVE-2023-0464", "TEMP-0000000-ABCDEF", "CVE-2024-2398"], advisories.Select(a => a.Id));
        Assert.All(advisories, a => Assert.Equal("debian-security-tracker", a.Source));

        var openssl = advisories[0].Affected.ToDictionary(a => a.Ecosystem);
        // trixie's fixed_version "0" means never affected: no entry.
        Assert.Equal(["Debian:10", "Debian:11", "Debian:12", "Debian:sid"], openssl.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("3.0.8-1", openssl["Debian:12"].Ranges.Single().Events.Single(e => e.Kind == RangeEventKind.Fixed).Version);
        Assert.Null(openssl["Debian:12"].Rating); // "not yet assigned" says nothing
        Assert.Equal(Severity.Low, openssl["Debian:11"].Rating!.Severity);
        Assert.Equal(AdvisoryStatus.EndOfLife, openssl["Debian:10"].Status);
        Assert.DoesNotContain(openssl["Debian:10"].Ranges.Single().Events, e => e.Kind == RangeEventKind.Fixed);

        var ignored = Assert.Single(advisories[1].Affected);
        Assert.Equal((AdvisoryStatus.WillNotFix, Severity.Low), (ignored.Status, ignored.Rating!.Severity));

        // undetermined and unknown codenames are left out.
        var postponed = Assert.Single(advisories[2].Affected);
        Assert.Equal(("Debian:12", "curl", AdvisoryStatus.FixDeferred, Severity.Medium), (postponed.Ecosystem, postponed.Name, postponed.Status, postponed.Rating!.Severity));
        Assert.Equal("HTTP/2 push headers memory-leak", advisories[2].Summary);
    }

    [Fact]
    public async Task Streaming_GivesTheSameAdvisories_WhenTheStreamTricklesOneByteAtATime()
    {
        var whole = await ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(Tracker)));
        var trickled = await ReadAsync(new TricklingStream(Encoding.UTF8.GetBytes(Tracker)));

        Assert.Equal(whole.Select(a => (a.Id, a.Affected.Count)), trickled.Select(a => (a.Id, a.Affected.Count)));
    }

    [Fact]
    public async Task PackageLargerThanTheLimit_IsAJsonError_NotUnboundedMemory()
    {
        var huge = "{\"pkg\": {\"CVE-2024-0001\": {\"description\": \"" + new string('x', 300_000) + "\", \"releases\": {}}}}";

        await Assert.ThrowsAsync<JsonException>(() => ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(huge)), maxPackageBytes: 128 * 1024));
    }

    [Fact]
    public async Task Truncated_IsAJsonError_AfterTheCompletePackages()
    {
        var truncated = Tracker[..Tracker.IndexOf("\"curl\"", StringComparison.Ordinal)] + "\"curl\": {\"CVE-2024-2398\": {";
        var read = new List<string>();

        await Assert.ThrowsAnyAsync<JsonException>(async () =>
        {
            await foreach (var advisory in DebianTrackerReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(truncated)), 1 << 20, default)) read.Add(advisory.Id);
        });
        Assert.Equal(["CVE-2023-0464", "TEMP-0000000-ABCDEF"], read);
    }

    /// <summary>Hands out one byte per read, to exercise every buffer boundary of the streaming reader.</summary>
    private sealed class TricklingStream(byte[] content) : MemoryStream(content)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }
}
