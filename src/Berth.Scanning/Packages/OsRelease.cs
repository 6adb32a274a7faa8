namespace Berth.Scanning.Packages;

/// <summary>The distribution an image is built on, e.g. ("debian", "12.5") or ("alpine", "3.20.3").</summary>
/// <param name="Family">Lower-case family id as Trivy names it: debian, ubuntu, alpine, redhat, centos, rocky, …</param>
/// <param name="Version">The release as the image states it; advisory lookup narrows it per family.</param>
public sealed record OsRelease(string Family, string Version);
