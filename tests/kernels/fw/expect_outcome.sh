#!/usr/bin/env bash
# Runs a command and passes only if it exits with exactly the expected code and its combined
# output has a line matching each pattern (grep -E). Used by the ctest entries that check
# tools/qemu/run_firmware.sh's failure paths (fault, timeout), where ctest's own
# PASS_REGULAR_EXPRESSION would ignore the exit code.
#
# Usage: expect_outcome.sh EXPECTED_EXIT_CODE [PATTERN...] -- COMMAND [ARG...]
set -u -o pipefail

[ $# -ge 3 ] || { echo "usage: $0 CODE [PATTERN...] -- COMMAND [ARG...]" >&2; exit 2; }
expected=$1
shift
patterns=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  patterns+=("$1")
  shift
done
[ "${1:-}" = "--" ] || { echo "$0: missing -- before the command" >&2; exit 2; }
shift

log=$(mktemp "${TMPDIR:-/tmp}/expect_outcome.XXXXXX") || exit 2
trap 'rm -f "$log"' EXIT
# tee reads everything: the command under test may be QEMU's runner, whose output pipe must
# never be closed early.
"$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}

status=0
if [ "$rc" -ne "$expected" ]; then
  echo "expect_outcome: exit code $rc, expected $expected" >&2
  status=1
fi
for p in "${patterns[@]}"; do
  if ! grep -Eq -- "$p" "$log"; then
    echo "expect_outcome: no output line matches: $p" >&2
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "expect_outcome: exit code $rc and all ${#patterns[@]} patterns as expected"
exit "$status"
