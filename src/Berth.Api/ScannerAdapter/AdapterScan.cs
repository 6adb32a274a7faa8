using Berth.Scanning.Images.Remote;
using Berth.Scanning.Reports;
using Berth.Scanning.Reports.Formats;

namespace Berth.Api.ScannerAdapter;

/// <summary>
/// One scan requested through the adapter API: what to pull, how the reports name the artifact, what the request
/// enabled, and its state. Held in memory only (see <see cref="AdapterScanStore"/>); a new state is a new record.
/// </summary>
/// <param name="Id">The scan request id the caller polls with (a uuid).</param>
/// <param name="Report">
/// The scanner's own report once finished: every report type (vulnerability, SPDX, CycloneDX) is rendered from it on
/// request, so one pull of the image serves them all.
/// </param>
/// <param name="ExpiresAt">When the store forgets it: a report is fetched within its lifetime or requested again.</param>
public sealed record AdapterScan(
    string Id,
    RemoteImageReference Image,
    HarborReportContext Artifact,
    AdapterCapabilities Capabilities,
    AdapterScanState State,
    ScanReport? Report,
    string? Error,
    DateTimeOffset ExpiresAt);
