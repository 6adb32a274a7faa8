#!/usr/bin/env bash
# Builds Berth and the bench in Release, then measures what authentication costs: per run a fresh Berth
# and a fresh Distribution with htpasswd auth start on free 127.0.0.1 ports with empty temp data; the
# read-only tests (Manifest GET, Pull) load Berth anonymously, with Basic and with Bearer tokens, and
# Distribution with Basic, one after the other. The markdown table goes to stdout, progress to stderr.
#
# Extra arguments go to `compare-auth` and override the defaults below, for example:
#   bench/compare-auth.sh --runs 1              # one run instead of the median of three
#   bench/compare-auth.sh --tests 'Manifest'    # only some tests
#   bench/compare-auth.sh --runs 1 --requests 30  # a quick smoke run
set -euo pipefail
cd "$(dirname "$0")/.."

missing=0
if ! command -v docker-registry >/dev/null; then
    echo "docker-registry (CNCF Distribution) is missing: apt-get install -y docker-registry" >&2
    missing=1
fi
if ! command -v htpasswd >/dev/null; then
    echo "htpasswd (bcrypt entries for Distribution's htpasswd auth) is missing: apt-get install -y apache2-utils" >&2
    missing=1
fi
[ "$missing" -eq 0 ] || exit 1

# Build output goes to stderr: stdout carries only the report.
dotnet build src/Berth -c Release -nologo -v quiet >&2
dotnet build bench/Berth.Bench -c Release -nologo -v quiet >&2

# One throwaway password for both: Berth's admin (from BERTH_ADMIN_PASSWORD on first start) and the
# htpasswd entry Distribution checks. Anonymous pulls need a public project: a fresh Berth has "library".
password="Bench$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"

exec dotnet bench/Berth.Bench/bin/Release/net10.0/Berth.Bench.dll compare-auth \
    --berth "BERTH_ADMIN_PASSWORD=$password dotnet $PWD/src/Berth/bin/Release/net10.0/Berth.dll serve --listen {listen} --data {data}" \
    --user "admin:$password" \
    --repo library/bench \
    --concurrency 4 \
    --runs 3 \
    "$@"
