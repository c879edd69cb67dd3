#!/usr/bin/env bash
# SPDX-License-Identifier: BSL-1.0
#
# Builds the fuzz preset and runs every fuzz target for a short while on its
# seed corpus and dictionary: a smoke test for CI (docs/fuzzing.md). Exits
# non-zero on any finding (crash, sanitizer report, leak, timeout, broken
# property) or build failure; exits 0, saying so, when clang++-14 or
# libclang-rt-14-dev is missing, unless SOURCETRACE_FUZZ_REQUIRED=1 (as
# `bash quickstart.sh test` sets it, having installed both), when a missing
# one is a failure.
#
#   tests/fuzz/run_short.sh [seconds per target, default 20]
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-20}
# Exit code when a tool is missing: 0 (skip) by default, 1 when required.
missing_rc=0
[ "${SOURCETRACE_FUZZ_REQUIRED:-0}" = 1 ] && missing_rc=1

if ! command -v clang++-14 >/dev/null 2>&1; then
  echo "run_short.sh: clang++-14 not found, so the fuzz targets cannot be built (apt-get install clang-14 libclang-rt-14-dev)"
  exit "$missing_rc"
fi
if ! dpkg-query -W -f='${Status}' libclang-rt-14-dev 2>/dev/null | grep -q "install ok installed"; then
  echo "run_short.sh: libclang-rt-14-dev (libFuzzer) not installed, so the fuzz targets cannot be built (apt-get install libclang-rt-14-dev)"
  exit "$missing_rc"
fi

jobs=$(nproc 2>/dev/null || echo 2)
[ "$jobs" -le 2 ] || jobs=2

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j"$jobs"

bin=build/fuzz/tests/fuzz
out=build/fuzz/short
rm -rf "$out"
failed=()
for target in fuzz_corpus_json fuzz_corpus_jsonl fuzz_prov_json fuzz_prov_n fuzz_relative_date fuzz_quantity fuzz_sentences fuzz_extract fuzz_reuse; do
  case $target in
    fuzz_prov_n) dict=tests/fuzz/provn.dict ;;
    fuzz_relative_date | fuzz_quantity | fuzz_sentences | fuzz_extract | fuzz_reuse) dict=tests/fuzz/text.dict ;;
    *) dict=tests/fuzz/json.dict ;;
  esac
  # New inputs go to a scratch corpus; the seeds in the repository stay as they are.
  mkdir -p "$out/$target/corpus" "$out/$target/artifacts"
  log="$out/$target/log.txt"
  echo "== $target: ${seconds}s"
  if "$bin/$target" "$out/$target/corpus" "tests/fuzz/corpus/$target" -dict="$dict" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$out/$target/artifacts/" >"$log" 2>&1; then
    grep -E '^#[0-9]+[[:space:]]+DONE' "$log" || tail -n 1 "$log"
  else
    echo "$target: FINDING (exit $?), log $log:"
    grep -E -A 30 '^==[0-9]+==|property failed|^SUMMARY|deadly signal|Test unit written' "$log" | head -n 60 || true
    failed+=("$target")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "run_short.sh: findings in ${failed[*]}; the inputs are under $out/<target>/artifacts/"
  exit 1
fi
echo "run_short.sh: no findings"
