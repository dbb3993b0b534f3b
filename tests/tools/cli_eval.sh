#!/usr/bin/env bash
# `tinytwin eval` end to end on generated models and small test sets (make_eval_data.py):
# the JSON contract (fields, n honours --limit, accuracy in [0, 1] and equal to the known
# answer, the confusion matrix sums to n), both MNIST input shapes, gzip, CIFAR-10, the
# keyword folders' label mapping, the same result with any --jobs and either kernel set;
# and bad input: exit 1 with a message naming the file and the problem, exit 2 for usage.
# Registered for the host and host-asan builds (tests/tools/CMakeLists.txt).
#
# Usage: cli_eval.sh TINYTWIN WORKDIR [SOURCE_DIR]
#   SOURCE_DIR: the repository (to tell whether the shipped models exist yet).
set -uo pipefail

[ $# -ge 2 ] || { echo "usage: $0 TINYTWIN WORKDIR [SOURCE_DIR]" >&2; exit 2; }
tinytwin=$(realpath "$1")
work=$2
src=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
python=/usr/bin/python3

rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)
passed=0
failed=0

ok() { echo "ok   $1"; passed=$((passed + 1)); }
fail() {
  echo "FAIL $1: $2"
  sed 's/^/  stderr: /' "$work/stderr" | head -n 10
  failed=$((failed + 1))
}

if ! "$python" "$here/make_eval_data.py" "$work/gen" 2>"$work/gen.log"; then
  echo "SKIP cli_eval: make_eval_data.py failed: $(tail -n 1 "$work/gen.log")"
  [ "$(grep -c 'cannot import' "$work/gen.log")" -gt 0 ] && exit 0
  exit 1
fi
g=$work/gen

# json NAME N ACCURACY CORRECT ARGS...: exit 0, one JSON object with the contract's fields,
# n = N, the given accuracy and correct count ("-" skips those), confusion summing to n.
json() {
  local name=$1 n=$2 acc=$3 correct=$4
  shift 4
  "$tinytwin" eval --json "$@" >"$work/stdout" 2>"$work/stderr"
  local rc=$?
  [ $rc -eq 0 ] || { fail "$name" "exit $rc"; return; }
  local problem
  problem=$("$python" - "$work/stdout" "$n" "$acc" "$correct" <<'PY'
import json, sys
text = open(sys.argv[1]).read()
try:
    d = json.loads(text)
except ValueError as e:
    sys.exit(f"stdout is not one JSON object: {e}")
for k in ("app", "model", "kernels", "n", "correct", "accuracy", "labels", "confusion", "recall"):
    if k not in d:
        sys.exit(f"missing field {k}")
n, acc, correct = int(sys.argv[2]), sys.argv[3], sys.argv[4]
k = len(d["labels"])
if d["n"] != n:
    sys.exit(f"n = {d['n']}, expected {n}")
if not 0 <= d["accuracy"] <= 1:
    sys.exit(f"accuracy {d['accuracy']} outside [0, 1]")
if len(d["confusion"]) != k or any(len(r) != k for r in d["confusion"]):
    sys.exit("confusion is not labels x labels")
if sum(map(sum, d["confusion"])) != n:
    sys.exit(f"confusion sums to {sum(map(sum, d['confusion']))}, not {n}")
if sum(d["confusion"][i][i] for i in range(k)) != d["correct"]:
    sys.exit("the confusion diagonal is not 'correct'")
if abs(d["accuracy"] - d["correct"] / n) > 1e-12:
    sys.exit("accuracy != correct / n")
if acc != "-" and abs(d["accuracy"] - float(acc)) > 1e-9:
    sys.exit(f"accuracy {d['accuracy']}, expected {acc}")
if correct != "-" and d["correct"] != int(correct):
    sys.exit(f"correct {d['correct']}, expected {correct}")
PY
  )
  if [ -n "$problem" ]; then fail "$name" "$problem"; else ok "$name"; fi
}

# expect NAME EXIT REGEX ARGS...: tinytwin eval ARGS exits EXIT with stderr matching REGEX.
expect() {
  local name=$1 want=$2 regex=$3
  shift 3
  "$tinytwin" eval "$@" >"$work/stdout" 2>"$work/stderr"
  local rc=$?
  if [ $rc -ne "$want" ]; then
    fail "$name" "exit $rc, expected $want"
  elif grep -Eq 'Sanitizer|runtime error:|terminate called' "$work/stderr"; then
    fail "$name" "crash or sanitizer report"
  elif ! grep -Eiq -e "$regex" "$work/stderr"; then
    fail "$name" "stderr does not match /$regex/"
  else
    ok "$name: $(head -n 1 "$work/stderr")"
  fi
}

# --- the known answers: 3 of 50 MNIST images and 2 of 30 CIFAR-10 images are predicted wrong
json "mnist, [1,28,28,1] model" 50 0.94 47 --app mnist --data "$g/mnist" --model "$g/mnist_fc.tflite"
json "mnist, [1,784] model, gzip files" 50 0.94 47 \
  --app mnist --data "$g/mnist_gz" --model "$g/mnist_fc_flat.tflite"
json "mnist --limit 10" 10 0.9 9 --app mnist --data "$g/mnist" --model "$g/mnist_fc.tflite" --limit 10
json "mnist --kernels ref --jobs 3" 50 0.94 47 \
  --app mnist --data "$g/mnist" --model "$g/mnist_fc.tflite" --kernels ref --jobs 3
json "cifar10" 30 "$(echo 'print(28/30)' | "$python")" 28 \
  --app cifar10 --data "$g/cifar" --model "$g/cifar_fc.tflite"
json "cifar10 --limit 7 --jobs 2" 7 "$(echo 'print(6/7)' | "$python")" 6 \
  --app cifar10 --data "$g/cifar" --model "$g/cifar_fc.tflite" --limit 7 --jobs 2
if "$tinytwin" compile "$g/cifar_fc.tflite" -o "$work/cifar_fc.ttm" >/dev/null 2>&1; then
  json "cifar10 from a .ttm plan" 30 "$(echo 'print(28/30)' | "$python")" 28 \
    --app cifar10 --data "$g/cifar" --model "$work/cifar_fc.ttm"
else
  fail "compile cifar_fc.tflite" "tinytwin compile failed"
fi
# Keyword folders: yes (2), no (2), bed -> unknown (2); _background_noise_ is skipped.
json "kws" 6 - - --app kws --data "$g/kws" --model "$g/kws_fc.tflite"
rows=$("$python" -c 'import json,sys; c=json.load(open(sys.argv[1]))["confusion"]; print(*[sum(r) for r in c])' "$work/stdout")
if [ "$rows" = "0 2 2 2 0 0 0 0 0 0 0 0" ]; then ok "kws label mapping"; else
  fail "kws label mapping" "row totals $rows, expected 0 2 2 2 0 0 0 0 0 0 0 0"; fi
"$tinytwin" eval --app mnist --data "$g/mnist" --model "$g/mnist_fc.tflite" >"$work/stdout" 2>"$work/stderr"
if grep -q "accuracy 94.00 % (47 / 50)" "$work/stdout" && grep -q "per-class recall" "$work/stdout"; then
  ok "text report"; else fail "text report" "$(head -n 3 "$work/stdout")"; fi

# --- bad data and models: exit 1, naming the file and the problem ---------------------------
expect "missing data directory" 1 "nowhere: no such directory" \
  --app mnist --data "$g/nowhere" --model "$g/mnist_fc.tflite"
expect "truncated idx" 1 "t10k-images-idx3-ubyte: truncated" \
  --app mnist --data "$g/mnist_truncated" --model "$g/mnist_fc.tflite"
expect "bad idx magic" 1 "t10k-images-idx3-ubyte: magic number 0x00000802" \
  --app mnist --data "$g/mnist_bad_magic" --model "$g/mnist_fc.tflite"
expect "image/label count mismatch" 1 "count mismatch.*50 images.*49 labels" \
  --app mnist --data "$g/mnist_count" --model "$g/mnist_fc.tflite"
expect "truncated CIFAR-10 batch" 1 "test_batch.bin: .*whole number of records" \
  --app cifar10 --data "$g/cifar_truncated" --model "$g/cifar_fc.tflite"
expect "model with the wrong class count" 1 "mnist_fc12.tflite: the output 1x12.*10 classes" \
  --app mnist --data "$g/mnist" --model "$g/mnist_fc12.tflite"
expect "model input of the wrong size" 1 "mnist_fc_flat.tflite: the input 1x784.*32x32x3" \
  --app cifar10 --data "$g/cifar" --model "$g/mnist_fc_flat.tflite"
expect "missing model" 1 "none.tflite: no such file" \
  --app mnist --data "$g/mnist" --model "$g/none.tflite"
expect "not a model" 1 "not a TFLite flatbuffer" \
  --app mnist --data "$g/mnist" --model "$g/mnist/t10k-labels-idx1-ubyte"
expect "8 kHz clip" 1 "clip.wav: 8000 Hz" --app kws --data "$g/kws_8k" --model "$g/kws_fc.tflite"
expect "no clips" 1 "no .wav or .flac clips" --app kws --data "$g/mnist" --model "$g/kws_fc.tflite"
# The shipped model by default: looked for under the working directory first.
cd "$work" || exit 1
if [ -n "$src" ] && [ ! -e "$src/assets/models/mnist_cnn.tflite" ]; then
  expect "shipped model absent" 1 "mnist_cnn.tflite was not found; looked in" \
    --app mnist --data "$g/mnist"
fi
mkdir -p "$work/assets/models"
cp "$g/mnist_fc.tflite" "$work/assets/models/mnist_cnn.tflite"
json "shipped model from the working directory" 50 0.94 47 --app mnist --data "$g/mnist"
if grep -q '"model":"[^"]*/assets/models/mnist_cnn.tflite"' "$work/stdout"; then
  ok "default model path reported"; else fail "default model path reported" "$(cat "$work/stdout")"; fi

# --- usage: exit 2 -----------------------------------------------------------------------
expect "no --app" 2 "missing --app" --data "$g/mnist"
expect "no --data" 2 "missing --data" --app mnist
expect "unknown app" 2 "unknown app 'imagenet'" --app imagenet --data "$g/mnist"
expect "--limit 0" 2 "--limit takes a positive" --app mnist --data "$g/mnist" --limit 0
expect "--limit x" 2 "--limit takes a positive" --app mnist --data "$g/mnist" --limit x
expect "--kernels fast" 2 "dsp or ref" --app mnist --data "$g/mnist" --kernels fast
expect "--limit without value" 2 "needs a value" --app mnist --data "$g/mnist" --limit
expect "stray argument" 2 "unexpected argument" --app mnist --data "$g/mnist" extra

echo "cli_eval: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
