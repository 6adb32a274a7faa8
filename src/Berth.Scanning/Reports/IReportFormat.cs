namespace Berth.Scanning.Reports;

/// <summary>One way to write a <see cref="ScanReport"/>: a table for people, Trivy's JSON, Harbor's report, an SBOM.</summary>
public interface IReportFormat
{
    /// <summary>The name `berth scan --format` takes: table, json, harbor, cyclonedx, spdx.</summary>
    string Name { get; }

    /// <summary>The media type an HTTP response or OCI artifact carries it as.</summary>
    string MediaType { get; }

    Task WriteAsync(ScanReport report, Stream output, CancellationToken cancellationToken);
}
