#!/usr/bin/env bash
# `tinytwin features` on bad input: every case must exit with exactly 1 (bad file) or 2 (bad
# usage), print a message on stderr that names the problem (and the file), and never crash
# or trip a sanitizer. The sibling of tests/tools/cli_bad_input.sh, for the audio command.
#
# Usage: features_bad_input.sh TINYTWIN WORKDIR [SHARED]
#   SHARED: the shared folder with models/mlperf-tiny (the --quantize case with a real KWS
#   model is skipped when absent). The audio files are written here with Python's wave
#   module and NumPy.
set -uo pipefail

[ $# -ge 2 ] || { echo "usage: $0 TINYTWIN WORKDIR [SHARED]" >&2; exit 2; }
tinytwin=$1
work=$2
shared=${3:-}
python=/usr/bin/python3

rm -rf "$work"
mkdir -p "$work"
# shellcheck source=../bad_input_lib.sh
. "$(dirname "$0")/../bad_input_lib.sh"
subcommand=features

out=$work/out.npy

# --- usage errors: exit 2 ---------------------------------------------------------------
expect "no arguments" 2 "missing --wav"
expect "no input" 2 "missing --wav" -o "$out"
expect "no output" 2 "missing -o" --wav "$work/a.wav"
expect "--wav without files" 2 "--wav needs files" --wav -o "$out"
expect "--pcm without a value" 2 "--pcm needs a value" -o "$out" --pcm
expect "--pcm with --wav" 2 "cannot be combined" --pcm "$work/x.npy" --wav "$work/a.wav" -o "$out"
expect "unknown option" 2 "unexpected argument" --wav "$work/a.wav" -o "$out" --frobnicate

# --- files that are not usable audio: exit 1, the message names the file ------------------
expect "missing file" 1 "does-not-exist.wav: cannot open \(no such file\)" \
  --wav "$work/does-not-exist.wav" -o "$out"
printf 'this is a text file, not audio\n' >"$work/text.wav"
expect "text file" 1 "text.wav: not an audio file" --wav "$work/text.wav" -o "$out"
: >"$work/empty.wav"
expect "empty file" 1 "empty.wav: not an audio file" --wav "$work/empty.wav" -o "$out"
mkdir -p "$work/a-directory.wav"
expect "directory" 1 "a-directory.wav: is a directory" --wav "$work/a-directory.wav" -o "$out"
expect "device" 1 "not a regular file" --wav /dev/zero -o "$out"
expect "missing list" 1 "no-list.txt: cannot open" --list "$work/no-list.txt" -o "$out"
printf '# only a comment\n\n' >"$work/empty-list.txt"
expect "list without paths" 1 "empty-list.txt: no audio paths" \
  --list "$work/empty-list.txt" -o "$out"

if [ -x "$python" ] && "$python" - "$work" <<'PY'
import sys
import wave
import numpy as np
w = sys.argv[1]
def write(name, rate, channels, samples, width=2):
    with wave.open(f"{w}/{name}", "wb") as f:
        f.setnchannels(channels)
        f.setsampwidth(width)
        f.setframerate(rate)
        f.writeframes(samples.tobytes())
write("good.wav", 16000, 1, np.zeros(16000, "<i2"))
write("cd.wav", 44100, 1, np.zeros(44100, "<i2"))
write("stereo.wav", 16000, 2, np.zeros(2 * 16000, "<i2"))
write("no_samples.wav", 16000, 1, np.zeros(0, "<i2"))
np.save(f"{w}/empty_pcm.npy", np.zeros((0, 16000), np.int16))
np.save(f"{w}/float_pcm.npy", np.zeros((2, 16000), np.float32))
np.save(f"{w}/int8_pcm.npy", np.zeros((2, 16000), np.int8))
np.save(f"{w}/short_pcm.npy", np.zeros((2, 8000), np.int16))
np.save(f"{w}/flat_pcm.npy", np.zeros(16000, np.int16))
np.save(f"{w}/big_endian_pcm.npy", np.zeros((1, 16000), ">i2"))
with open(f"{w}/list_with_bad.txt", "w") as f:
    f.write(f"{w}/good.wav\n{w}/cd.wav\n")
PY
then
  expect "44.1 kHz file" 1 "cd.wav: 44100 Hz, 1 channel; expected mono 16000 Hz" \
    --wav "$work/good.wav" "$work/cd.wav" -o "$out"
  expect "stereo file" 1 "stereo.wav: 16000 Hz, 2 channels; expected mono" \
    --wav "$work/stereo.wav" -o "$out"
  expect "file without samples" 1 "no_samples.wav: no samples" \
    --wav "$work/no_samples.wav" -o "$out"
  expect "bad file inside a list" 1 "cd.wav: 44100 Hz" --list "$work/list_with_bad.txt" -o "$out"
  expect "empty --pcm" 1 "empty_pcm.npy: no clips" --pcm "$work/empty_pcm.npy" -o "$out"
  expect "float32 --pcm" 1 "float_pcm.npy: dtype float32, expected int16" \
    --pcm "$work/float_pcm.npy" -o "$out"
  expect "int8 --pcm" 1 "int8_pcm.npy: dtype int8, expected int16" \
    --pcm "$work/int8_pcm.npy" -o "$out"
  expect "big-endian --pcm" 1 "unsupported dtype '>i2'" \
    --pcm "$work/big_endian_pcm.npy" -o "$out"
  expect "--pcm of half-second clips" 1 \
    "short_pcm.npy: shape \(2, 8000\), expected int16 \[N, 16000\]" \
    --pcm "$work/short_pcm.npy" -o "$out"
  expect "--pcm of one flat clip" 1 "flat_pcm.npy: shape \(16000\)" \
    --pcm "$work/flat_pcm.npy" -o "$out"
  expect "garbage --pcm" 1 "not a .npy" --pcm "$work/text.wav" -o "$out"
  expect "unwritable output" 1 "cannot create" \
    --wav "$work/good.wav" -o "$work/no/such/dir/out.npy"
  expect "--quantize with a non-model" 1 "text.wav" \
    --wav "$work/good.wav" --quantize "$work/text.wav" -o "$out"
  resnet=$shared/models/mlperf-tiny/pretrainedResnet_quant.tflite
  if [ -n "$shared" ] && [ -f "$resnet" ]; then
    expect "--quantize with an image model" 1 \
      "input 1x32x32x3 int8; --quantize needs an int8 input of 490" \
      --wav "$work/good.wav" --quantize "$resnet" -o "$out"
  else
    skip "--quantize with an image model (no pretrainedResnet_quant.tflite under ${shared:-SHARED})"
  fi
  # The good file alone works, so the failures above were about the bad ones.
  expect "valid file" 0 "features: 1 clip ->" --wav "$work/good.wav" -o "$out"
else
  skip "generated audio and .npy files (no python3 with numpy)"
fi

bad_input_summary features_bad_input
