# shellcheck shell=bash
# The check-and-report helpers of the bad-input tests (cli_bad_input.sh,
# features/features_bad_input.sh), sourced by both so they judge a case the same way.
#
# The sourcing script sets `tinytwin` (the binary) and `work` (a scratch directory), and,
# after sourcing, `subcommand` for a subcommand's tests (it goes before every case's
# arguments). It ends with bad_input_summary, whose status becomes the script's.

: "${tinytwin:?set by the sourcing script}" "${work:?set by the sourcing script}"
passed=0
failed=0
skipped=0
subcommand=""  # not inherited from the environment

# expect NAME EXIT REGEX ARGS...: runs tinytwin [SUBCOMMAND] ARGS; the case passes when it
# exits with exactly EXIT and says on stderr, without a crash, something matching REGEX.
expect() {
  local name=$1 want=$2 regex=$3
  shift 3
  "$tinytwin" ${subcommand:+"$subcommand"} "$@" >"$work/stdout" 2>"$work/stderr"
  local rc=$? problem=""
  if [ "$rc" -ne "$want" ]; then
    problem="exit $rc, expected $want"
  elif [ ! -s "$work/stderr" ]; then
    problem="nothing on stderr"
  elif grep -Eq 'Sanitizer|runtime error:|terminate called' "$work/stderr"; then
    problem="crash or sanitizer report"
  elif ! grep -Eiq -- "$regex" "$work/stderr"; then  # --: some patterns start with "--"
    problem="stderr does not match /$regex/"
  fi
  if [ -n "$problem" ]; then
    echo "FAIL $name: $problem"
    echo "  command: tinytwin ${subcommand:+$subcommand }$*"
    sed 's/^/  stderr: /' "$work/stderr" | head -n 20
    failed=$((failed + 1))
  else
    echo "ok   $name: $(head -n 1 "$work/stderr")"
    passed=$((passed + 1))
  fi
}

skip() {
  echo "SKIP $1"
  skipped=$((skipped + 1))
}

# bad_input_summary NAME: the tally line; succeeds only when no case failed.
bad_input_summary() {
  echo "$1: $passed passed, $failed failed, $skipped skipped"
  [ "$failed" -eq 0 ]
}
