#!/usr/bin/env bash
# Admission decision latency (issue 5's goal: a pod with five images, p99 under 5 ms cached, under 50 ms
# uncached). Per run, two fresh Berths, the order alternating: "cached" with the default verdict cache, and
# "uncached" with Admission:CacheCapacity=0, which stores no verdict, so every review runs the project's
# deployment policy (content trust: signature discovery for five digests) after resolving the five tags.
# The `admission` verb pushes five cosign-signed images into a project with cosign content trust on, checks the
# review is allowed and an unsigned image refused, then times the same AdmissionReview of a Pod with the five.
# Usage: bench/admission.sh [RUNS] [REQUESTS] [CONCURRENCY]   (defaults 3, 2000, 1)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
requests="${2:-2000}"
concurrency="${3:-1}"

dotnet build src/Berth -c Release -nologo -v quiet >&2
dotnet build bench/Berth.Bench -c Release -nologo -v quiet >&2

measure() { # measure MODE: start a fresh Berth, load it, stop it
    local mode="$1" data port password berth cache=()
    data="$(mktemp -d)"
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
    password="Bench$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
    [ "$mode" = uncached ] && cache=(BERTH__Admission__CacheCapacity=0)
    env "${cache[@]}" BERTH_ADMIN_PASSWORD="$password" dotnet src/Berth/bin/Release/net10.0/Berth.dll serve \
        --listen "127.0.0.1:$port" --data "$data" >"$data.log" 2>&1 &
    berth=$!
    for _ in $(seq 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/v2.0/ping" && break; sleep 0.5; done
    printf '%-8s ' "$mode"
    dotnet bench/Berth.Bench/bin/Release/net10.0/Berth.Bench.dll admission --url "http://127.0.0.1:$port" \
        --user "admin:$password" --requests "$requests" --concurrency "$concurrency" || echo "(failed; log: $data.log)"
    kill "$berth"; wait "$berth" 2>/dev/null || true
    rm -rf "$data" "$data.log"
}

for run in $(seq "$runs"); do
    echo "run $run of $runs" >&2
    if [ $((run % 2)) = 1 ]; then measure cached; measure uncached; else measure uncached; measure cached; fi
done
