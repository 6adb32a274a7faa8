namespace Berth.Commands;

/// <summary>The command-line help text.</summary>
internal static class Usage
{
    public const string Text = """
        berth — a private container registry

        usage:
          berth serve [--listen HOST:PORT] [--data DIR] [--config FILE]
          berth scan IMAGE [--format FORMAT] [--output FILE] [--severity LIST] [--exit-code N] [--data DIR]
                           [--cache-dir DIR] [--platform OS/ARCH] [--config FILE]
          berth vulndb import PATH... [--data DIR] [--config FILE]
          berth vulndb update [--source URL]... [--data DIR] [--config FILE]
          berth vulndb status [--data DIR] [--config FILE]
          berth admin webhook-cert --service NAME --namespace NS [--out DIR] [--days N]
          berth admin admission export-vap [--config FILE] [--output FILE]

        serve   run the registry with embedded storage (SQLite metadata, filesystem blobs)
          --listen HOST:PORT   address to listen on (default 0.0.0.0:5000; key Server:Listen)
                               HTTPS as well: keys Server:Tls:Listen, Server:Tls:Certificate, Server:Tls:Key
          --data DIR           data directory (default ./berth-data; key Storage:DataDirectory)
          --config FILE        configuration file, YAML or JSON

        scan    scan an image for vulnerable packages, offline, against the advisories in DIR/berth.db
          IMAGE                oci:DIR[:TAG], docker-archive:FILE[:REPO:TAG], fs:DIR (a directory scanned in
                               place, lock files included), a directory (an OCI layout, DIR:TAG for one of
                               its tags; any other directory is scanned in place), a file (docker-archive),
                               or PROJECT/REPO:TAG or PROJECT/REPO@DIGEST for an image pushed to the Berth
                               registry in --data
          --format FORMAT      table (default), json (Trivy's schema), harbor, cyclonedx, spdx
          --output FILE        write the report to FILE instead of stdout
          --severity LIST      keep only these severities: UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL
          --exit-code N        exit with N when a vulnerability at the kept severities remains
          --data DIR           data directory with the advisory database (default ./berth-data)
          --cache-dir DIR      per-layer analysis cache (default DIR/scan-cache)
          --platform OS/ARCH   the image to pick from a multi-platform index (default linux/amd64)
          exit codes: 0 done (nothing found, or no --exit-code), N as given with --exit-code, 2 usage or configuration error,
            3 image missing or invalid, 4 a layer cannot be read (corrupt or hostile), 5 no advisory
            database or an empty one, 6 the report cannot be written, 130 interrupted

        vulndb  the advisory database the scanner matches against
          import PATH...       import OSV JSON/YAML files, folders, zip archives (osv.dev's all.zip),
                               Alpine secdb and the Debian security tracker JSON
          update               download and import the advisory archives; --source URL (repeatable) or
                               key Scanner:AdvisorySources:0..n, default osv.dev's per-ecosystem all.zip;
                               limits Scanner:AdvisoryDownloadMaxBytes, Scanner:AdvisoryDownloadTimeout
          status               feeds imported, advisory counts, last import time and age
          exit codes: 0 imported (status: something to show), 1 every input failed (status: nothing
            imported yet), 2 usage error, 130 interrupted

        admin   operator tasks
          webhook-cert         a CA and the admission webhook's serving certificate for NAME, NAME.NS,
                               NAME.NS.svc and NAME.NS.svc.cluster.local: writes ca.crt, tls.crt and
                               tls.key (0600) to DIR (default ./berth-webhook-tls), valid N days (default
                               365, at most 3650), and prints the caBundle (base64 PEM CA) on stdout
          exit codes: 0 done, 1 the files cannot be written, 2 usage error

        admin admission export-vap
                               write the allowed-registry rules (Admission:Constraints, or the default: only
                               Server:ExternalUrl) as ValidatingAdmissionPolicy + binding YAML, a first layer the
                               API server enforces without the webhook; exit codes: 0 written, 1 configuration
                               error, 2 usage error

        Any configuration key can also be set as an environment variable BERTH__Section__Key,
        for example BERTH__Registry__UploadExpiry=01:00:00.
        """;

    public static int Print(TextWriter writer, int exitCode)
    {
        writer.WriteLine(Text);
        return exitCode;
    }

    public static int Unknown(string verb)
    {
        Console.Error.WriteLine($"berth: unknown command '{verb}'");
        return Print(Console.Error, 2);
    }
}
