#!/usr/bin/env bash
# SPDX-License-Identifier: BSL-1.0
#
# The README's two commands, for a fresh Debian 12 machine:
#
#   bash quickstart.sh example   installs what is missing, builds the sourcetrace
#                                command, and runs it on the seed story
#   bash quickstart.sh test      installs what is missing, builds everything with
#                                warnings as errors, runs the whole test suite,
#                                then again as a Release build (-O3, no
#                                benchmarks) and under AddressSanitizer and UBSan,
#                                checks every header compiles alone and that the
#                                code is clang-formatted, and runs every libFuzzer
#                                target for 20 seconds (tests/fuzz/run_short.sh)
#
# Both are safe to run again: installed packages are skipped, builds are
# incremental.
set -euo pipefail
cd "$(dirname "$0")"

mode=${1:-}
case "$mode" in
  example | test) ;;
  *)
    echo "usage: bash quickstart.sh example|test" >&2
    exit 2
    ;;
esac

# Debian 12 packages the build needs; the test run needs a few more.
packages=(cmake g++ make libboost-graph1.81-dev libboost-date-time1.81-dev libboost-json1.81-dev libcli11-dev libxxhash-dev
  libsimdjson-dev)
if [ "$mode" = test ]; then
  # catch2 for the tests; python3 runs the command-line tests; the rest are
  # the real clients the interoperability tests check our files with; Google
  # Benchmark for the benchmarks; clang 14 and its runtime (libFuzzer) build
  # the fuzz targets.
  packages+=(catch2 clang-format python3 python3-jsonschema python3-prov python3-networkx python3-igraph graphviz libbenchmark-dev
    clang-14 libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "quickstart: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

jobs=$(nproc 2>/dev/null || echo 2)

if [ "$mode" = example ]; then
  cmake --preset dev -DSOURCETRACE_BUILD_TESTS=OFF >/dev/null
  cmake --build build/dev --target sourcetrace_cli -j"$jobs"
  ./build/dev/tools/sourcetrace report examples/data/seed_story.json
  exit 0
fi

echo "== clang-format"
git ls-files '*.hpp' '*.cpp' | xargs clang-format --dry-run --Werror

echo "== build and test with warnings as errors"
cmake --preset dev -DSOURCETRACE_BUILD_TESTS=ON >/dev/null
cmake --build build/dev -j"$jobs"
cmake --build build/dev --target all_verify_interface_header_sets -j"$jobs"
ctest --preset dev -j"$jobs"

echo "== build and test the Release build (-O3) with warnings as errors"
# GCC warns differently at -O3 (see the -Wrestrict notes in the code); the
# consumer tests build their own programs, so the dev run covers them.
cmake --preset release >/dev/null
cmake --build build/release -j"$jobs"
ctest --preset release -j"$jobs"

echo "== build and test under AddressSanitizer and UndefinedBehaviorSanitizer"
cmake --preset asan >/dev/null
cmake --build build/asan -j"$jobs"
ctest --preset asan -j"$jobs"

echo "== run every fuzz target for 20 seconds on its seed corpus"
# The packages above are installed, so a missing clang is a failure here, not a skip.
SOURCETRACE_FUZZ_REQUIRED=1 bash tests/fuzz/run_short.sh 20
