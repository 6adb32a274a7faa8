using Microsoft.Data.Sqlite;

namespace Berth.Metadata.Sqlite;

/// <summary>
/// Ordered schema migrations. The database records the last one applied in <c>PRAGMA user_version</c>;
/// a migration is never edited once released, only followed by a new one.
/// </summary>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE repository (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            created_at INTEGER NOT NULL
        );
        CREATE TABLE blob (
            digest TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            created_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE repository_blob (
            repository_id INTEGER NOT NULL REFERENCES repository(id) ON DELETE CASCADE,
            digest TEXT NOT NULL REFERENCES blob(digest),
            created_at INTEGER NOT NULL,
            PRIMARY KEY (repository_id, digest)
        ) WITHOUT ROWID;
        CREATE TABLE artifact (
            id INTEGER PRIMARY KEY,
            repository_id INTEGER NOT NULL REFERENCES repository(id) ON DELETE CASCADE,
            digest TEXT NOT NULL,
            media_type TEXT NOT NULL,
            artifact_type TEXT,
            size INTEGER NOT NULL,
            content BLOB NOT NULL,
            subject_digest TEXT,
            annotations TEXT,
            pushed_at INTEGER NOT NULL,
            UNIQUE (repository_id, digest)
        );
        CREATE INDEX artifact_subject ON artifact(repository_id, subject_digest) WHERE subject_digest IS NOT NULL;
        CREATE TABLE artifact_blob (
            artifact_id INTEGER NOT NULL REFERENCES artifact(id) ON DELETE CASCADE,
            digest TEXT NOT NULL,
            PRIMARY KEY (artifact_id, digest)
        ) WITHOUT ROWID;
        CREATE INDEX artifact_blob_digest ON artifact_blob(digest);
        CREATE TABLE artifact_child (
            artifact_id INTEGER NOT NULL REFERENCES artifact(id) ON DELETE CASCADE,
            child_digest TEXT NOT NULL,
            PRIMARY KEY (artifact_id, child_digest)
        ) WITHOUT ROWID;
        CREATE TABLE tag (
            repository_id INTEGER NOT NULL REFERENCES repository(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            artifact_id INTEGER NOT NULL REFERENCES artifact(id) ON DELETE CASCADE,
            pushed_at INTEGER NOT NULL,
            PRIMARY KEY (repository_id, name)
        );
        CREATE INDEX tag_artifact ON tag(artifact_id);
        """,
        // 2: access — users, projects with Harbor's metadata, members, robots, audit log, CVE allowlists.
        // Every repository belongs to the project named by its first path component; repositories pushed
        // before projects existed get a private project of that name.
        """
        CREATE TABLE user_account (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL UNIQUE,
            email TEXT NOT NULL DEFAULT '',
            realname TEXT NOT NULL DEFAULT '',
            comment TEXT NOT NULL DEFAULT '',
            password_hash TEXT NOT NULL,
            password_version INTEGER NOT NULL DEFAULT 1,
            sysadmin INTEGER NOT NULL DEFAULT 0,
            disabled INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE TABLE project (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            owner_id INTEGER REFERENCES user_account(id) ON DELETE SET NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE TABLE project_metadata (
            project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (project_id, name)
        ) WITHOUT ROWID;
        CREATE TABLE project_member (
            id INTEGER PRIMARY KEY,
            project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
            user_id INTEGER NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
            role INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            UNIQUE (project_id, user_id)
        );
        CREATE TABLE robot (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            description TEXT NOT NULL DEFAULT '',
            level TEXT NOT NULL,
            project_id INTEGER REFERENCES project(id) ON DELETE CASCADE,
            secret_hash TEXT NOT NULL,
            duration_days INTEGER NOT NULL,
            expires_at INTEGER,
            disabled INTEGER NOT NULL DEFAULT 0,
            permissions TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            project_id INTEGER,
            username TEXT NOT NULL,
            resource TEXT NOT NULL,
            resource_type TEXT NOT NULL,
            operation TEXT NOT NULL,
            op_time INTEGER NOT NULL
        );
        CREATE INDEX audit_log_project ON audit_log(project_id, op_time);
        CREATE INDEX audit_log_time ON audit_log(op_time);
        CREATE TABLE cve_allowlist (
            project_id INTEGER PRIMARY KEY,
            expires_at INTEGER,
            items TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        ALTER TABLE repository ADD COLUMN project_id INTEGER REFERENCES project(id);
        INSERT INTO project (name, created_at, updated_at)
            SELECT DISTINCT CASE WHEN instr(name, '/') > 0 THEN substr(name, 1, instr(name, '/') - 1) ELSE name END, created_at, created_at
            FROM repository WHERE true
            ON CONFLICT DO NOTHING;
        UPDATE repository SET project_id = (SELECT p.id FROM project p
            WHERE p.name = CASE WHEN instr(repository.name, '/') > 0 THEN substr(repository.name, 1, instr(repository.name, '/') - 1) ELSE repository.name END);
        CREATE INDEX repository_project ON repository(project_id);
        """,
        // 3: vulnerability advisories, one row per (ecosystem, package, advisory id) so a scan looks up each
        // package by the unique index; the feeds they came from, for `vulndb status`.
        """
        CREATE TABLE advisory (
            id INTEGER PRIMARY KEY,
            ecosystem TEXT NOT NULL,
            package TEXT NOT NULL,
            advisory_id TEXT NOT NULL,
            source TEXT NOT NULL,
            affected TEXT NOT NULL,
            severity TEXT NOT NULL,
            cvss_vector TEXT,
            cvss_score REAL,
            summary TEXT,
            aliases TEXT NOT NULL,
            published INTEGER,
            modified INTEGER,
            UNIQUE (ecosystem, package, advisory_id)
        );
        CREATE INDEX advisory_by_id ON advisory(advisory_id);
        CREATE TABLE advisory_source (
            name TEXT PRIMARY KEY,
            url TEXT NOT NULL,
            imported_count INTEGER NOT NULL,
            imported_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        """,
        // 4: one vulnerability report per artifact digest, as in Harbor (the same image in two repositories shares it).
        // The rows with status Pending are the scan queue, so a restart resumes them. The summary columns let listings
        // show an overview without parsing the document; matched_at says which advisory import the findings reflect.
        """
        CREATE TABLE scan_report (
            id INTEGER PRIMARY KEY,
            digest TEXT NOT NULL UNIQUE,
            report_id TEXT NOT NULL UNIQUE,
            repository TEXT NOT NULL,
            project_id INTEGER,
            status TEXT NOT NULL,
            requested_at INTEGER NOT NULL,
            start_time INTEGER,
            end_time INTEGER,
            matched_at INTEGER,
            error TEXT,
            scanner_name TEXT,
            scanner_version TEXT,
            severity TEXT,
            total INTEGER,
            fixable INTEGER,
            critical INTEGER,
            high INTEGER,
            medium INTEGER,
            low INTEGER,
            unknown INTEGER,
            document TEXT
        );
        CREATE INDEX scan_report_queue ON scan_report(status, requested_at);
        CREATE INDEX scan_report_repository ON scan_report(repository);
        """,
        // 5 (scanner_registration): external scanners registered as in Harbor's /scanners, at most one of them the system
        // default (none means Berth's built-in scanner), and the scanner a project chose. The access credential is kept
        // as given: it is sent to the adapter, so it cannot be hashed.
        """
        CREATE TABLE scanner_registration (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL UNIQUE,
            description TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL UNIQUE,
            auth TEXT NOT NULL DEFAULT '',
            access_credential TEXT NOT NULL DEFAULT '',
            skip_cert_verify INTEGER NOT NULL DEFAULT 0,
            use_internal_addr INTEGER NOT NULL DEFAULT 0,
            disabled INTEGER NOT NULL DEFAULT 0,
            is_default INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX scanner_registration_default ON scanner_registration(is_default) WHERE is_default = 1;
        CREATE TABLE project_scanner (
            project_id INTEGER PRIMARY KEY REFERENCES project(id) ON DELETE CASCADE,
            registration_uuid TEXT NOT NULL
        );
        """,
        // 6 (signature_key): public keys or certificates a project trusts for content trust (Berth's addition to Harbor);
        // with any key of a usage configured, a cosign or notation signature counts only when it verifies against one.
        """
        CREATE TABLE signature_key (
            id INTEGER PRIMARY KEY,
            project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            usage TEXT NOT NULL,
            algorithm TEXT NOT NULL,
            pem TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            created_by TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            UNIQUE (project_id, name),
            UNIQUE (project_id, usage, fingerprint)
        );
        """,
        // 7 (immutable_tag_rule): Harbor's tag immutability rules per project. The selectors are one JSON text in Harbor's
        // shape ({"tag_selectors":[…],"scope_selectors":{"repository":[…]}}); equal text means the same rule, which Harbor
        // refuses as a conflict.
        """
        CREATE TABLE immutable_tag_rule (
            id INTEGER PRIMARY KEY,
            project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
            disabled INTEGER NOT NULL DEFAULT 0,
            priority INTEGER NOT NULL DEFAULT 0,
            selectors TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            UNIQUE (project_id, selectors)
        );
        """,
        // 8 (admission_workload, admission_workload_image): the admission audit's memory of what runs, from the reviews
        // the webhook admitted: a workload per (namespace, kind, name), replaced whole when seen again, removed on its
        // DELETE review or when not seen for the configured retention.
        """
        CREATE TABLE admission_workload (
            id INTEGER PRIMARY KEY,
            namespace TEXT NOT NULL,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            api_group TEXT NOT NULL,
            object_labels TEXT NOT NULL,
            pod_labels TEXT NOT NULL,
            last_seen INTEGER NOT NULL,
            UNIQUE (namespace, kind, name)
        );
        CREATE INDEX admission_workload_last_seen ON admission_workload (last_seen);
        CREATE TABLE admission_workload_image (
            workload_id INTEGER NOT NULL REFERENCES admission_workload(id) ON DELETE CASCADE,
            list TEXT NOT NULL,
            position INTEGER NOT NULL,
            container TEXT NOT NULL,
            image TEXT NOT NULL,
            digest TEXT,
            PRIMARY KEY (workload_id, list, position)
        );
        """,
        // 9 (scan_all_schedule, scan_report.sbom_digest): Harbor's scheduled scan-all as one row (id 1), durable across
        // restarts. last_fired_at is compared and set in one UPDATE, so of several replicas exactly one fires an
        // occurrence. sbom_digest is the sha256 of the SPDX document additions/sbom returns for the stored report.
        """
        CREATE TABLE scan_all_schedule (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            type TEXT NOT NULL,
            cron TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            last_fired_at INTEGER
        );
        ALTER TABLE scan_report ADD COLUMN sbom_digest TEXT;
        """,
    ];

    public static int LatestVersion => Migrations.Length;

    public static async Task ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var versionCommand = connection.CreateCommand();
        versionCommand.CommandText = "PRAGMA user_version;";
        var current = Convert.ToInt32(await versionCommand.ExecuteScalarAsync(cancellationToken));
        if (current > Migrations.Length)
            throw new InvalidOperationException($"the database schema is version {current}, newer than this Berth ({Migrations.Length}); upgrade Berth");

        for (var version = current; version < Migrations.Length; version++)
        {
            await using var transaction = connection.BeginTransaction();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Migrations[version] + $"\nPRAGMA user_version = {version + 1};";
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
