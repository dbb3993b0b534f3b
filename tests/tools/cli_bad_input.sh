#!/usr/bin/env bash
# tinytwin on bad input: every case must exit with exactly 1 (bad model or input) or 2 (bad
# usage), print a message on stderr that names the problem, and never crash or trip a
# sanitizer. Registered for the host and host-asan builds (tests/tools/CMakeLists.txt).
#
# Usage: cli_bad_input.sh TINYTWIN WORKDIR [SHARED]
#   SHARED: the shared folder with models/mlperf-tiny (its cases are skipped when absent).
# Models with an unsupported operator or nonsense quantization are written by
# make_bad_models.py (tools/pytflite/tflite_write.py); skipped when that cannot run.
set -uo pipefail

[ $# -ge 2 ] || { echo "usage: $0 TINYTWIN WORKDIR [SHARED]" >&2; exit 2; }
tinytwin=$1
work=$2
shared=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
python=/usr/bin/python3

rm -rf "$work"
mkdir -p "$work"
# shellcheck source=bad_input_lib.sh
. "$here/bad_input_lib.sh"

# Deterministic pseudo-random bytes: bytes N SEED > FILE.
bytes() {
  LC_ALL=C awk -v n="$1" -v seed="$2" \
    'BEGIN { srand(seed); for (i = 0; i < n; i++) printf "%c", int(rand() * 255) + 1 }'
}

# Flips bit BIT of byte POS of FILE in place.
flip() {
  local file=$1 pos=$2 bit=$3 b
  b=$(od -An -tu1 -j "$pos" -N1 "$file" | tr -d ' ')
  printf '%b' "\\$(printf '%03o' $((b ^ (1 << bit))))" |
    dd of="$file" bs=1 seek="$pos" conv=notrunc status=none
}

# --- usage errors: exit 2 ---------------------------------------------------------------
expect "no command" 2 "usage" ""
expect "no arguments" 2 "usage"
expect "unknown command" 2 "unknown command" frobnicate
expect "info without a model" 2 "missing|usage" info
expect "compile without -o" 2 "missing" compile "$work/none.tflite"
expect "run without --input" 2 "missing --input" run --model "$work/none.tflite"
expect "run with a bad --kernels" 2 "dsp or ref" run --model m --input x --kernels fast
expect "info with an unknown option" 2 "unexpected|unknown|usage" info m --frobnicate

# --- files that are not models: exit 1 ------------------------------------------------
expect "missing file" 1 "no such file" info "$work/does-not-exist.tflite"
: >"$work/empty.tflite"
expect "empty file" 1 "empty" info "$work/empty.tflite"
expect "empty file (compile)" 1 "empty" compile "$work/empty.tflite" -o "$work/out.ttm"
mkdir -p "$work/a-directory.tflite"
expect "directory" 1 "directory" info "$work/a-directory.tflite"
bytes 4096 7 >"$work/random.tflite"
expect "random bytes" 1 "not a TFLite flatbuffer" info "$work/random.tflite"
printf 'this is a text file, not a model\n' >"$work/text.tflite"
expect "text file" 1 "not a TFLite flatbuffer" info "$work/text.tflite"
{ bytes 4 11; printf 'TFL3'; bytes 4088 12; } >"$work/random_tfl3.tflite"
expect "random bytes with a TFL3 identifier" 1 "verification|truncated|corrupt" \
  info "$work/random_tfl3.tflite"
truncate -s $((64 * 1024 * 1024 + 1)) "$work/oversized.tflite"
expect "oversized file (64 MiB + 1, sparse)" 1 "limit" info "$work/oversized.tflite"
expect "character device" 1 "cannot|not a regular|empty" info /dev/null

# --- generated models: unsupported operator, nonsense quantization, bad .npy inputs -------
good=""
if [ -x "$python" ] && "$python" "$here/make_bad_models.py" "$work/gen" 2>"$work/gen.log"; then
  good=$work/gen/good.tflite
  expect "unsupported operator" 1 "unsupported operator TANH" info "$work/gen/unsupported_op.tflite"
  expect "unsupported operator (run)" 1 "unsupported operator" \
    run --model "$work/gen/unsupported_op.tflite" --input "$work/none.npy"
  expect "negative quantization scale" 1 "scale.*not > 0" info "$work/gen/bad_scale.tflite"
  expect "zero point outside int8" 1 "zero_point.*outside" info "$work/gen/bad_zero_point.tflite"
  expect "dilation overflowing int32 arithmetic" 1 "bad parameter" \
    info "$work/gen/huge_dilation.tflite"
  expect "valid generated model" 0 "plan bytes" compile "$good" -o "$work/good.ttm"
  expect "valid MEAN without keep_dims" 0 "plan bytes" \
    compile "$work/gen/mean_squeezed.tflite" -o "$work/mean.ttm"
else
  skip "generated models (make_bad_models.py: $(tail -n 1 "$work/gen.log" 2>/dev/null))"
fi

kws=""
if [ -n "$shared" ] && [ -f "$shared/models/mlperf-tiny/kws_ref_model.tflite" ]; then
  kws=$shared/models/mlperf-tiny/kws_ref_model.tflite
  size=$(stat -c %s "$kws")
  for n in 1 7 8 64 1000 $((size / 2)) $((size - 1)); do
    head -c "$n" "$kws" >"$work/kws_prefix_$n.tflite"
    expect "truncated model ($n of $size bytes)" 1 "truncated|verification|TFL3" \
      info "$work/kws_prefix_$n.tflite"
  done
  # The root table offset and an offset inside the tables; verification catches both.
  cp "$kws" "$work/kws_flip0.tflite"
  flip "$work/kws_flip0.tflite" 0 6
  expect "bit-flipped model (root offset)" 1 "verification|corrupt" info "$work/kws_flip0.tflite"
  cp "$kws" "$work/kws_flip_id.tflite"
  flip "$work/kws_flip_id.tflite" 4 0
  expect "bit-flipped model (identifier)" 1 "TFL3" info "$work/kws_flip_id.tflite"
  [ -n "$good" ] || good=$kws
else
  skip "MLPerf Tiny model cases (no kws_ref_model.tflite under ${shared:-SHARED})"
fi

if [ -n "$good" ]; then
  # Plans: corrupt after the CRC'd header, truncated, oversized arena request.
  if "$tinytwin" compile "$good" -o "$work/plan.ttm" 2>/dev/null; then
    cp "$work/plan.ttm" "$work/plan_flip.ttm"
    flip "$work/plan_flip.ttm" 100 3
    expect "bit-flipped plan" 1 "CRC" info "$work/plan_flip.ttm"
    head -c 200 "$work/plan.ttm" >"$work/plan_short.ttm"
    expect "truncated plan" 1 "shorter" info "$work/plan_short.ttm"
    head -c 40 "$work/plan.ttm" >"$work/plan_header.ttm"
    expect "plan shorter than its header" 1 "shorter" info "$work/plan_header.ttm"
  fi
  # Inputs: the model input is int8 [1,8,8,3] (generated) or [1,49,10,1] (kws).
  if [ -x "$python" ] && "$python" - "$work" <<'PY'
import sys
import numpy as np
w = sys.argv[1]
np.save(f"{w}/wrong_shape.npy", np.zeros((1, 5), np.int8))
np.save(f"{w}/wrong_dtype.npy", np.zeros((1, 8, 8, 3), np.int16))
np.save(f"{w}/fortran.npy", np.asfortranarray(np.zeros((2, 3), np.int8)))
with open(f"{w}/short_data.npy", "wb") as f:
    np.save(f, np.zeros((1, 8, 8, 3), np.int8))
with open(f"{w}/short_data.npy", "r+b") as f:
    f.truncate(f.seek(0, 2) - 10)
# A 60 KB header (once a stack overflow in std::regex).
header = "{'descr': '" + "a" * 60000 + "', 'fortran_order': False, 'shape': (1,), }\n"
with open(f"{w}/long_header.npy", "wb") as f:
    f.write(b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + header.encode() + b"\0")
PY
  then
    expect "input of the wrong shape" 1 "does not fit" \
      run --model "$good" --input "$work/wrong_shape.npy"
    expect "input of the wrong dtype" 1 "unsupported dtype" \
      run --model "$good" --input "$work/wrong_dtype.npy"
    expect "Fortran-order input" 1 "Fortran" run --model "$good" --input "$work/fortran.npy"
    expect "input with missing data" 1 "data holds" \
      run --model "$good" --input "$work/short_data.npy"
    expect "input with a 60 KB header" 1 "header.*limit" \
      run --model "$good" --input "$work/long_header.npy"
  else
    skip "NumPy-written inputs (no numpy)"
  fi
  bytes 300 5 >"$work/garbage.npy"
  expect "garbage input" 1 "not a .npy" run --model "$good" --input "$work/garbage.npy"
  expect "empty input" 1 "not a .npy" run --model "$good" --input "$work/empty.tflite"
  expect "input that is a directory" 1 "directory" run --model "$good" --input "$work"
  expect "input that is a device" 1 "not a regular file" run --model "$good" --input /dev/zero
  expect "missing input" 1 "no such file" run --model "$good" --input "$work/none.npy"
fi

bad_input_summary cli_bad_input
