using Berth.Scanning.Images.Remote;
using Berth.Scanning.Reports.Formats;

namespace Berth.Api.ScannerAdapter;

/// <summary>A scan request that passed <see cref="ScanRequestReader.Check"/>: what to pull, how reports name it, and what it enabled.</summary>
public sealed record AcceptedScanRequest(RemoteImageReference Image, HarborReportContext Artifact, AdapterCapabilities Capabilities);
