#!/usr/bin/env bash
# What pull prevention costs on manifest GET: one fresh Berth with two projects, "policyon" (prevent_vul with
# threshold critical) and "policyoff" (no policy). Each round loads "Manifest GET by tag" on both, the order
# alternating, with Bearer tokens as a cluster pulls. After each setup, --after-setup marks every artifact
# scanned (a Success report with three Low findings in Berth's document format), so "policyon" takes the
# whole path (project, report row, allowlist, cached findings) and is allowed. Prints each run's line and the
# medians. Usage: bench/pull-policy.sh [ROUNDS] [REQUESTS]   (defaults 5 and 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
requests="${2:-20000}"

dotnet build src/Berth -c Release -nologo -v quiet >&2
dotnet build bench/Berth.Bench -c Release -nologo -v quiet >&2

data="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
password="Bench$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
BERTH_ADMIN_PASSWORD="$password" dotnet src/Berth/bin/Release/net10.0/Berth.dll serve --listen "127.0.0.1:$port" --data "$data" >"$data.log" 2>&1 &
berth=$!
trap 'kill "$berth" 2>/dev/null; wait "$berth" 2>/dev/null; rm -rf "$data" "$data.log"' EXIT
for _ in $(seq 60); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/v2.0/ping" && break; sleep 0.5; done

api() { curl -sf -u "admin:$password" -H 'Content-Type: application/json' "$@" >/dev/null; }
api -X POST "http://127.0.0.1:$port/api/v2.0/projects" -d '{"project_name":"policyon","metadata":{"prevent_vul":"true","severity":"critical"}}'
api -X POST "http://127.0.0.1:$port/api/v2.0/projects" -d '{"project_name":"policyoff"}'

mark_scanned="python3 -c '
import sqlite3, sys, uuid, time
db = sqlite3.connect(sys.argv[1], timeout=30)
now = int(time.time() * 1000)
doc = \"{\\\"format\\\":1,\\\"findings\\\":[\" + \",\".join(\"{\\\"advisory_id\\\":\\\"CVE-2024-%d\\\",\\\"severity\\\":\\\"Low\\\"}\" % i for i in range(3)) + \"]}\"
for (digest,) in db.execute(\"SELECT DISTINCT digest FROM artifact WHERE digest NOT IN (SELECT digest FROM scan_report)\").fetchall():
    db.execute(\"INSERT INTO scan_report (digest, report_id, repository, status, requested_at, start_time, end_time, matched_at, scanner_name, scanner_version, severity, total, fixable, critical, high, medium, low, unknown, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 3, 0, 0, 0, 0, 3, 0, ?)\", (digest, str(uuid.uuid4()), \"bench\", \"Success\", now, now, now, now, \"Berth\", \"bench\", \"Low\", doc))
db.commit()
' $data/berth.db"

run() {
    dotnet bench/Berth.Bench/bin/Release/net10.0/Berth.Bench.dll run --url "http://127.0.0.1:$port" --user "admin:$password" \
        --load-auth bearer --repo "$1/bench" --tests 'Manifest GET' --requests "$requests" --concurrency 4 --output json \
        --after-setup "$mark_scanned" 2>/dev/null \
      | python3 -c 'import json,sys; t=json.load(sys.stdin)["results"][0]; print(round(t["requestsPerSecond"]), t["p50Ms"], t["p99Ms"], t["failed"], t["firstError"] or "")'
}

echo "project req/s p50_ms p99_ms failed"
for round in $(seq "$rounds"); do
    if [ $((round % 2)) -eq 1 ]; then order="policyoff policyon"; else order="policyon policyoff"; fi
    for project in $order; do echo "$project $(run "$project")"; done
done
