using System.Text;
using System.Text.Json;
using Berth.Scanning.Reports;
using Berth.Scanning.Reports.Formats;
using static Berth.Scanning.Tests.Reports.ReportOutput;

namespace Berth.Scanning.Tests.Reports;

/// <summary>Harbor's SBOM report: the spec 1.2 envelope, with the SPDX or CycloneDX document embedded as JSON, byte for byte.</summary>
[Collection(ReportCollection.Name)]
public sealed class HarborSbomReportTests(ReportFixture fixture)
{
    private static async Task<string> TextAsync(HarborSbomReport format, ScanReport report)
    {
        using var buffer = new MemoryStream();
        await format.WriteAsync(report, buffer, default);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Theory]
    [InlineData("application/spdx+json")]
    [InlineData("application/vnd.cyclonedx+json")]
    public async Task Envelope_HasTheSpecsFields_AndCarriesTheDocumentAsAnObject(string mediaType)
    {
        var document = SbomFormats.Find(mediaType)!;
        var format = new HarborSbomReport(document, new HarborReportContext("library/node-app", "1.0", HarborReportContext.DockerManifest, "sha256:" + new string('c', 64)));

        using var json = JsonDocument.Parse(await TextAsync(format, fixture.Report));
        var root = json.RootElement;

        Assert.Equal(["generated_at", "artifact", "scanner", "vendor_attributes", "media_type", "sbom"], Names(root));
        Assert.Equal("2026-03-14T15:09:26.535Z", Str(root, "generated_at"));
        var artifact = root.GetProperty("artifact");
        Assert.Equal("library/node-app", Str(artifact, "repository"));
        Assert.Equal("sha256:" + new string('c', 64), Str(artifact, "digest"));
        Assert.Equal("1.0", Str(artifact, "tag"));
        Assert.Equal(HarborReportContext.DockerManifest, Str(artifact, "mime_type"));
        Assert.Equal("Berth", Str(root.GetProperty("scanner"), "name"));
        Assert.Equal(JsonValueKind.Object, root.GetProperty("vendor_attributes").ValueKind);
        Assert.Equal(mediaType, Str(root, "media_type"));
        Assert.Equal(mediaType, format.DocumentMediaType);
        // The embedded document is exactly what the format writes alone.
        var alone = await JsonAsync(document, fixture.Report);
        Assert.Equal(JsonSerializer.Serialize(alone), JsonSerializer.Serialize(root.GetProperty("sbom")));
    }

    [Fact]
    public async Task WithoutContext_TheArtifactIsTheScannedImage()
    {
        using var json = JsonDocument.Parse(await TextAsync(new HarborSbomReport(new SpdxFormat()), fixture.Report));

        var artifact = json.RootElement.GetProperty("artifact");
        Assert.Equal(fixture.Image.Name, Str(artifact, "repository"));
        Assert.Equal(fixture.Image.ManifestDigest, Str(artifact, "digest"));
        Assert.Equal("SPDX-2.3", Str(json.RootElement.GetProperty("sbom"), "spdxVersion"));
    }

    [Fact]
    public async Task Writing_IsAsynchronousThroughout_AsAnHttpResponseBodyRequires()
    {
        await using var body = new AsyncOnlyStream();

        await new HarborSbomReport(new CycloneDxFormat()).WriteAsync(fixture.Report, body, default);

        using var json = JsonDocument.Parse(body.ToArray());
        Assert.Equal("CycloneDX", Str(json.RootElement.GetProperty("sbom"), "bomFormat"));
    }

    /// <summary>A memory stream that, like Kestrel's response body, throws on every synchronous write or flush.</summary>
    private sealed class AsyncOnlyStream : MemoryStream
    {
        // Set while an asynchronous write stores its bytes through the base class's synchronous path.
        private bool _writingAsync;

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (!_writingAsync) throw new InvalidOperationException("synchronous write");
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (!_writingAsync) throw new InvalidOperationException("synchronous write");
            base.Write(buffer);
        }

        public override void WriteByte(byte value) => throw new InvalidOperationException("synchronous write");

        public override void Flush() => throw new InvalidOperationException("synchronous flush");

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _writingAsync = true;
            try
            {
                Write(buffer.Span);
            }
            finally
            {
                _writingAsync = false;
            }
            return ValueTask.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [Theory]
    [InlineData("application/spdx+json", typeof(SpdxFormat))]
    [InlineData(" Application/VND.CycloneDX+JSON ", typeof(CycloneDxFormat))]
    [InlineData("application/spdx json", typeof(SpdxFormat))]
    [InlineData("application/json", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void SbomFormats_FindsAFormatByMediaType(string? mediaType, Type? expected)
    {
        Assert.Equal(expected, SbomFormats.Find(mediaType)?.GetType());
    }
}
