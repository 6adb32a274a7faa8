using System.Security.Cryptography;
using Berth.Core;
using Berth.Scanning.Reports;
using Berth.Scanning.Reports.Formats;
using Berth.Scanning.Reports.Storage;

namespace Berth.Jobs.Scanning;

/// <summary>
/// Harbor's <c>sbom_digest</c> for a stored report: the sha256 of the SPDX document <c>additions/sbom</c> returns by
/// default. That document is rendered from the stored JSON, so the digest is taken the same way, from the document
/// read back, and the bytes are hashed as they are written, never held.
/// </summary>
public static class SbomDigests
{
    private static readonly SpdxFormat Spdx = new();

    /// <summary>The digest of the SBOM rendered from <paramref name="document"/>, or null when it cannot be read back.</summary>
    public static async Task<string?> OfStoredAsync(string document, CancellationToken cancellationToken)
    {
        var report = ScanReportDocument.Deserialize(document, out _);
        return report is null ? null : await OfAsync(report, cancellationToken);
    }

    public static async Task<string> OfAsync(ScanReport report, CancellationToken cancellationToken)
    {
        await using var hashing = new HashingSink();
        await Spdx.WriteAsync(report, hashing, cancellationToken);
        return $"{Digest.Sha256}:{Convert.ToHexStringLower(hashing.Finish())}";
    }

    /// <summary>A write-only stream that keeps nothing but the running sha256 of what passes through it.</summary>
    private sealed class HashingSink : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public byte[] Finish() => _hash.GetHashAndReset();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => _hash.AppendData(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => _hash.AppendData(buffer);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _hash.AppendData(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _hash.AppendData(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _hash.Dispose();
            base.Dispose(disposing);
        }
    }
}
