#!/usr/bin/env bash
# Runs one firmware ELF on qemu-system-arm -M mps2-an500 (Cortex-M7) and forwards its exit
# code. UART0 goes to stdout; the firmware ends the run through semihosting with its exit
# code (firmware/boards/mps2_an500/exit_codes.h). QEMU always runs under `timeout`, with its
# output teed into a log that is read in full: closing QEMU's output pipe early (`| head`)
# makes it spin at 100 % CPU.
#
# Usage: run_firmware.sh [--timeout SECONDS] [--expect-summary] [--log FILE] [--qemu-arg A] ELF
#   --timeout S       give up after S seconds (default $TT_QEMU_TIMEOUT or 300), exit 124
#   --expect-summary  also require a line "N passed, 0 failed" (a test image's summary)
#   --log FILE        keep the output in FILE (default: a temporary file, removed)
#   --qemu-arg A      pass A to QEMU (repeatable), e.g. -device loader,file=X,addr=0x60000000
# Exit codes: the firmware's own; 124 timeout; 127 qemu-system-arm missing; 2 usage.
# Instruction counts are only meaningful with -icount shift=0, which is always passed.
set -u -o pipefail

me=run_firmware
timeout_s=${TT_QEMU_TIMEOUT:-300}
expect_summary=0
log=
elf=
qemu_args=()

usage() {
  sed -n '8,14p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case $1 in
    --timeout) [ $# -ge 2 ] || usage; timeout_s=$2; shift 2 ;;
    --timeout=*) timeout_s=${1#*=}; shift ;;
    --expect-summary) expect_summary=1; shift ;;
    --log) [ $# -ge 2 ] || usage; log=$2; shift 2 ;;
    --log=*) log=${1#*=}; shift ;;
    --qemu-arg) [ $# -ge 2 ] || usage; qemu_args+=("$2"); shift 2 ;;
    -h | --help) usage ;;
    -*) echo "$me: unknown option $1" >&2; usage ;;
    *) [ -z "$elf" ] || usage; elf=$1; shift ;;
  esac
done
[ -n "$elf" ] || usage
if [ ! -f "$elf" ]; then
  echo "$me: no such firmware image: $elf" >&2
  exit 2
fi
case $timeout_s in
  '' | *[!0-9]*) echo "$me: --timeout needs whole seconds, got '$timeout_s'" >&2; exit 2 ;;
esac
if ! command -v qemu-system-arm >/dev/null 2>&1; then
  echo "$me: qemu-system-arm not found on PATH (Debian/Ubuntu: apt install qemu-system-arm)" >&2
  exit 127
fi

if [ -z "$log" ]; then
  log=$(mktemp "${TMPDIR:-/tmp}/run_firmware.XXXXXX") || exit 2
  trap 'rm -f "$log"' EXIT
fi

# -nographic with -monitor none puts the first serial port (UART0) alone on stdio, with no
# monitor multiplexed in. stdin is /dev/null: QEMU would otherwise switch a terminal to raw
# mode, and a read from it in `timeout`'s background process group would stop QEMU (SIGTTIN).
# --kill-after: QEMU normally exits on SIGTERM, but never let a wedged one survive.
timeout --kill-after=10 "$timeout_s" \
  qemu-system-arm -M mps2-an500 -cpu cortex-m7 -nographic -monitor none \
    -semihosting-config enable=on,target=native -icount shift=0 \
    ${qemu_args[@]+"${qemu_args[@]}"} -kernel "$elf" </dev/null 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}

if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
  echo "$me: TIMEOUT: $elf did not finish within ${timeout_s} s (QEMU killed); last output:" >&2
  tail -n 15 "$log" | sed 's/^/  | /' >&2
  exit 124
fi
if [ "$rc" -eq 3 ] && grep -q '^\*\*\* FAULT' "$log"; then
  echo "$me: FAULT: $elf crashed (exit code 3); fault registers and stacked PC above" >&2
  exit "$rc"
fi
if [ "$rc" -eq 134 ] && grep -q '^\*\*\* ABORT' "$log"; then
  echo "$me: ABORT: $elf called abort() (exit code 134)" >&2
  exit "$rc"
fi
if [ "$rc" -ne 0 ]; then
  echo "$me: $elf exited with code $rc" >&2
  exit "$rc"
fi
if [ "$expect_summary" -eq 1 ] && ! grep -Eq '^[0-9]+ passed, 0 failed' "$log"; then
  echo "$me: $elf exited with 0 but printed no summary line 'N passed, 0 failed'" >&2
  exit 1
fi
exit 0
