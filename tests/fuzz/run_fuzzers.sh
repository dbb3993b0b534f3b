#!/usr/bin/env bash
# Runs the libFuzzer targets of the fuzz preset for a fixed time each, seeded with real
# models: the MLPerf Tiny models in ../shared (or $TT_SHARED_DIR) when present, the small
# generated models of tools/pytflite/make_test_models.py when it exists, their compiled plans,
# a few .npy arrays and link streams (fuzz_make_seeds writes them; nothing is checked in).
#
# Usage: tests/fuzz/run_fuzzers.sh BUILD_DIR [SECONDS]
#   BUILD_DIR  the fuzz preset's build directory (build/fuzz)
#   SECONDS    time for the model loader (default 30); the plan loader, the .npy parser and
#              the link decoder get a third of it each (at least 5 s)
# Exit 0 when no target found anything; 1 with the log tail and the saved crash input
# (BUILD_DIR/fuzz-work/artifacts) otherwise.
set -euo pipefail

[ $# -ge 1 ] || { echo "usage: $0 BUILD_DIR [SECONDS]" >&2; exit 2; }
build=$(cd "$1" && pwd)
seconds=${2:-30}
other=$((seconds / 3 < 5 ? 5 : seconds / 3))
src=$(cd "$(dirname "$0")/../.." && pwd)
shared=${TT_SHARED_DIR:-$src/../shared}
bin=$build/tests/fuzz
work=$build/fuzz-work

log() { printf '[fuzz] %s\n' "$*"; }

rm -rf "$work"
mkdir -p "$work/generated" "$work/corpus" "$work/artifacts"

models=()
for m in "$shared"/models/mlperf-tiny/*.tflite; do
  [ -f "$m" ] && models+=("$m")
done
[ ${#models[@]} -gt 0 ] || log "no MLPerf Tiny models under $shared/models/mlperf-tiny"
generator=$src/tools/pytflite/make_test_models.py
if [ -f "$generator" ] && [ -x /usr/bin/python3 ]; then
  if /usr/bin/python3 "$generator" "$work/generated" >"$work/make_test_models.log" 2>&1; then
    for m in "$work"/generated/*.tflite; do
      [ -f "$m" ] && models+=("$m")
    done
  else
    log "make_test_models.py failed (see $work/make_test_models.log); seeding without them"
  fi
fi
"$bin/fuzz_make_seeds" "$work/seeds" ${models[@]+"${models[@]}"}

# run_one TARGET SECONDS SEED_DIR [FLAGS...]: new inputs go to corpus/TARGET, crashes to
# artifacts/.
failed=0
run_one() {
  local target=$1 secs=$2 seeds=$3 out=$work/$1.log
  shift 3
  mkdir -p "$work/corpus/$target"
  if "$bin/$target" -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 \
      -print_final_stats=1 -artifact_prefix="$work/artifacts/$target-" "$@" \
      "$work/corpus/$target" "$seeds" >"$out" 2>&1; then
    local runs rate cov
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$out")
    cov=$(grep -o 'cov: [0-9]*' "$out" | tail -n 1)
    log "$target: ${runs:-?} runs in ${secs} s (${rate:-?}/s), ${cov:-cov: ?}, $(find "$seeds" -type f | wc -l) seeds"
  else
    tail -n 50 "$out"
    log "$target FOUND A PROBLEM (log: $out; input: $(find "$work/artifacts" -name "$target-*" | tr '\n' ' '))"
    failed=1
  fi
}

run_one fuzz_tflite_loader "$seconds" "$work/seeds/tflite"
run_one fuzz_plan_loader "$other" "$work/seeds/plan"
# Long enough for headers around the parser's 10,000-byte limit.
run_one fuzz_npy "$other" "$work/seeds/npy" -max_len=12000
# Long enough for a few frames of the largest payload.
run_one fuzz_link_decoder "$other" "$work/seeds/link" -max_len=20000
exit $failed
