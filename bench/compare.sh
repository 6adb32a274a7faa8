#!/usr/bin/env bash
# Builds Berth and the bench in Release, then compares Berth with CNCF Distribution on this machine:
# both start fresh on free 127.0.0.1 ports with empty temp data, are loaded one after the other, and
# are stopped and deleted afterwards. The markdown table goes to stdout, progress to stderr.
#
# Extra arguments go to `compare` and override the defaults below, for example:
#   bench/compare.sh --runs 1                 # one run (about 5 min) instead of the median of three
#   bench/compare.sh --tests 'Pull|Manifest'  # only some tests
#   bench/compare.sh --requests 20            # a quick smoke run
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v docker-registry >/dev/null; then
    echo "docker-registry (CNCF Distribution) is missing: apt-get install -y docker-registry" >&2
    exit 1
fi

# Build output goes to stderr: stdout carries only the report.
dotnet build src/Berth -c Release -nologo -v quiet >&2
dotnet build bench/Berth.Bench -c Release -nologo -v quiet >&2

# Berth follows Harbor: /v2 needs credentials, and pushes go into an existing project. A fresh Berth
# has the admin user (password from BERTH_ADMIN_PASSWORD on first start) and the project "library".
# The password is throwaway, like the server's data directory. Distribution ignores the credentials.
password="Bench$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"

exec dotnet bench/Berth.Bench/bin/Release/net10.0/Berth.Bench.dll compare \
    --berth "BERTH_ADMIN_PASSWORD=$password dotnet $PWD/src/Berth/bin/Release/net10.0/Berth.dll serve --listen {listen} --data {data}" \
    --user "admin:$password" \
    --repo library/bench \
    --concurrency 4 \
    --runs 3 \
    "$@"
