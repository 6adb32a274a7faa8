#!/usr/bin/env bash
# Builds Berth and the bench in Release, then compares Berth with CNCF Distribution on this machine:
# both start fresh on free 127.0.0.1 ports with empty temp data, are loaded one after the other, and
# are stopped and deleted afterwards. The markdown table goes to stdout, progress to stderr.
#
# Extra arguments go to `compare` and override the defaults below, for example:
#   bench/compare.sh --runs 3                 # median of three runs (what docs/performance.md uses)
#   bench/compare.sh --tests 'Pull|Manifest'  # only some tests
#   bench/compare.sh --requests 20            # a quick smoke run
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v docker-registry >/dev/null; then
    echo "docker-registry (CNCF Distribution) is missing: apt-get install -y docker-registry" >&2
    exit 1
fi

dotnet build src/Berth -c Release -nologo -v quiet
dotnet build bench/Berth.Bench -c Release -nologo -v quiet

exec dotnet bench/Berth.Bench/bin/Release/net10.0/Berth.Bench.dll compare \
    --berth "dotnet $PWD/src/Berth/bin/Release/net10.0/Berth.dll serve --listen {listen} --data {data}" \
    --concurrency 4 \
    --runs 1 \
    "$@"
