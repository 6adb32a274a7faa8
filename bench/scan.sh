#!/usr/bin/env bash
# Builds the bench in Release and measures the scanner's speed goals (scanner issue): full analysis against
# decompress + walk over the real Debian images' layers, a cached rescan, re-matching 1,000 stored inventories
# after importing shared/testdata/advisories, and peak memory on a generated 1 GiB layer. The markdown table
# goes to stdout, progress to stderr; exit code 1 means a goal was missed.
#
# Needs the real Debian test images (BERTH_TEST_IMAGES, default /tmp/berth-test-images; build them with
# ../shared/scripts/build-test-images.sh) and ../shared/testdata/advisories. Extra arguments go to `scan`:
#   bench/scan.sh --runs 5                 # median of five runs instead of three
#   bench/scan.sh --parts walk,rescan      # only some parts
#   bench/scan.sh --layer-mib 256          # a smaller generated layer
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build bench/Berth.Bench -c Release -nologo -v quiet >&2

exec dotnet bench/Berth.Bench/bin/Release/net10.0/Berth.Bench.dll scan --runs 3 "$@"
