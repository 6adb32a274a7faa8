#!/usr/bin/env bash
# Runs every Berth test on this machine, installing what the tests need first (as root on Debian):
# the real clients and peers the integration tests drive, and the real Debian test images.
# Ends with one line of totals over all test projects: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

need=()
for tool in skopeo podman docker-registry umoci mmdebstrap; do
  command -v "$tool" >/dev/null || need+=("$tool")
done
command -v npm >/dev/null || need+=(npm)
if ((${#need[@]})); then
  echo "installing ${need[*]} from Debian's archive"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Real Debian images (mmdebstrap + npm) with dpkg's own package list beside them.
export BERTH_TEST_IMAGES=${BERTH_TEST_IMAGES:-/tmp/berth-test-images}
bash "$repo/../shared/scripts/build-test-images.sh" "$BERTH_TEST_IMAGES"

dotnet build Berth.sln -c Release -warnaserror --nologo -v quiet

log=$(mktemp)
status=0
dotnet test Berth.sln -c Release --no-build --nologo --blame-hang-timeout 10m 2>&1 | tee "$log" || status=$?

# Each test project prints "Passed!  - Failed: F, Passed: P, Skipped: S, Total: T"; add them up.
totals=$(grep -E '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" \
  | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped\n", p, f, s}')
rm -f "$log"
echo "$totals"
if [[ $status -ne 0 ]] || [[ "$totals" != *" 0 failed"* ]] || [[ "$totals" == "0 passed"* ]]; then exit 1; fi
