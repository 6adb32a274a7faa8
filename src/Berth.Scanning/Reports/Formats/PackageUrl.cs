using System.Text;
using System.Text.RegularExpressions;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Reports.Formats;

/// <summary>
/// A package URL (purl): <c>pkg:type/namespace/name@version?qualifiers#subpath</c>, with each type's rules for case
/// and namespace (purl-spec types/*-definition.json) and the spec's percent-encoding: everything but ASCII letters,
/// digits, <c>.-_~</c> and the colon is encoded (a qualifier value keeps its slashes), so a Debian version's '+' is "%2B" and an
/// npm scope's '@' is "%40".
/// </summary>
public sealed partial record PackageUrl(string Type, string? Namespace, string Name, string? Version, IReadOnlyList<KeyValuePair<string, string>> Qualifiers)
{
    /// <summary>The canonical form: qualifiers sorted by key, empty ones left out.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("pkg:").Append(Type).Append('/');
        if (!string.IsNullOrEmpty(Namespace))
            text.Append(string.Join('/', Namespace.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Encode))).Append('/');
        text.Append(Encode(Name));
        if (!string.IsNullOrEmpty(Version)) text.Append('@').Append(Encode(Version));
        var qualifiers = Qualifiers.Where(q => q.Value.Length > 0).OrderBy(q => q.Key, StringComparer.Ordinal).ToList();
        if (qualifiers.Count > 0)
            // A slash in a qualifier value is unambiguous there and stays as the spec's own examples write it (repository_url).
            text.Append('?').Append(string.Join('&', qualifiers.Select(q => $"{q.Key.ToLowerInvariant()}={Encode(q.Value).Replace("%2F", "/", StringComparison.Ordinal)}")));
        return text.ToString();
    }

    /// <summary>The purl of an installed package; <paramref name="os"/> names the distribution of OS packages.</summary>
    public static PackageUrl For(Package package, OsRelease? os)
    {
        var name = package.Name;
        return package.Ecosystem switch
        {
            Ecosystem.Debian or Ecosystem.Ubuntu => Os("deb", VendorOf(package.Ecosystem), name.ToLowerInvariant(), package.Version, package.Architecture,
                os is null ? null : $"{os.Family}-{os.Version}"),
            Ecosystem.Alpine => Os("apk", "alpine", name.ToLowerInvariant(), package.Version, package.Architecture, os?.Version),
            Ecosystem.Rpm => Rpm(package, os),
            Ecosystem.Npm => Split("npm", name.ToLowerInvariant(), package.Version, '/'),
            Ecosystem.PyPI => new("pypi", null, PythonName().Replace(name.ToLowerInvariant(), "-"), package.Version, []),
            Ecosystem.Go => Split("golang", name.ToLowerInvariant(), package.Version, '/', last: true),
            Ecosystem.Maven => Split("maven", name, package.Version, ':'),
            Ecosystem.NuGet => new("nuget", null, name, package.Version, []),
            Ecosystem.CratesIo => new("cargo", null, name, package.Version, []),
            Ecosystem.RubyGems => new("gem", null, name, package.Version, []),
            Ecosystem.Packagist => Split("composer", name.ToLowerInvariant(), package.Version, '/'),
            _ => new("generic", null, name, package.Version, []),
        };
    }

    /// <summary>
    /// An image: <c>pkg:oci/debian@sha256:…?arch=amd64&amp;repository_url=registry.example/library/debian&amp;tag=12</c>.
    /// The name is the repository's last segment, lower-cased; the version its digest.
    /// </summary>
    public static PackageUrl ForImage(string repository, string digest, string? tag, string? architecture)
    {
        var name = repository.TrimEnd('/').Split('/')[^1].ToLowerInvariant();
        var qualifiers = new List<KeyValuePair<string, string>>();
        if (architecture is { Length: > 0 }) qualifiers.Add(new("arch", architecture));
        // A local path (an OCI layout, an archive) is no place anyone can fetch from.
        if (repository.Contains('/') && !repository.StartsWith('/') && !repository.StartsWith('.'))
            qualifiers.Add(new("repository_url", repository));
        if (tag is { Length: > 0 }) qualifiers.Add(new("tag", tag));
        return new("oci", null, name, digest, qualifiers);
    }

    /// <summary>Percent-encodes one component as the purl spec wants: UTF-8 octets, upper-case hex.</summary>
    public static string Encode(string component)
    {
        var text = new StringBuilder(component.Length);
        foreach (var octet in Encoding.UTF8.GetBytes(component))
        {
            var c = (char)octet;
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '~' or ':') text.Append(c);
            else text.Append('%').Append(octet.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }

    private static string VendorOf(Ecosystem ecosystem) => ecosystem == Ecosystem.Ubuntu ? "ubuntu" : "debian";

    private static PackageUrl Os(string type, string vendor, string name, string version, string? architecture, string? distro)
    {
        var qualifiers = new List<KeyValuePair<string, string>>();
        if (architecture is { Length: > 0 }) qualifiers.Add(new("arch", architecture));
        if (distro is { Length: > 0 }) qualifiers.Add(new("distro", distro));
        return new(type, vendor, name, version, qualifiers);
    }

    /// <summary>RPM keeps the epoch out of the version, in a qualifier (purl-spec rpm type).</summary>
    private static PackageUrl Rpm(Package package, OsRelease? os)
    {
        var version = package.Version;
        string? epoch = null;
        if (version.IndexOf(':') is > 0 and var colon && version[..colon].All(char.IsAsciiDigit))
        {
            epoch = version[..colon];
            version = version[(colon + 1)..];
        }
        var url = Os("rpm", (os?.Family ?? "redhat").ToLowerInvariant(), package.Name, version, package.Architecture, os is null ? null : $"{os.Family}-{os.Version}");
        return epoch is null || epoch == "0" ? url : url with { Qualifiers = [.. url.Qualifiers, new("epoch", epoch)] };
    }

    /// <summary>"@scope/name", "vendor/name", "group:artifact", "github.com/x/y": the part before the separator is the namespace.</summary>
    private static PackageUrl Split(string type, string name, string version, char separator, bool last = false)
    {
        var at = last ? name.LastIndexOf(separator) : name.IndexOf(separator);
        return at > 0 ? new(type, name[..at], name[(at + 1)..], version, []) : new(type, null, name, version, []);
    }

    [GeneratedRegex("[-_.]+")]
    private static partial Regex PythonName();
}
