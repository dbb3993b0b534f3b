#!/usr/bin/python3
"""The front-ends must compute the same bytes on the host and on the emulated Cortex-M7.

Runs the host build's `frontend_vectors` and the firmware image `frontend_vectors_fw` under
qemu-system-arm (tools/qemu/run_firmware.sh, bounded by a timeout), and compares their
`frontend CASE crc XXXXXXXX` lines (tests/kernels/frontend_vectors/frontend_vectors.h):
both sides must exit 0, print exactly the expected number of cases, the same case names,
and the same CRC32 for every case. Prints the board's `frontend_cost` lines (instruction
counts; informative, not asserted).

Usage: frontends_on_qemu.py --host HOST_EXE --firmware ELF --cases N [--timeout S]
"""

import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))))
RUN_FIRMWARE = os.path.join(ROOT, "tools", "qemu", "run_firmware.sh")
CASE = re.compile(r"frontend (\S+) (crc [0-9a-f]{8}|error \S+)$")
COST = re.compile(r"frontend_cost (\S+) instructions (\d+)$")


def tail(text, lines=20):
    last = text.splitlines()[-lines:]
    return "\n".join("  | " + line for line in last) if last else "  | (no output)"


def run(side, cmd, timeout):
    """Returns the side's stdout, or None after printing why it failed."""
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        print(f"FAIL  {side}: did not finish within {timeout} s")
        return None
    if proc.returncode != 0:
        how = f"was killed by signal {-proc.returncode}" if proc.returncode < 0 else \
            f"exited with code {proc.returncode}"
        print(f"FAIL  {side} {how} ({' '.join(cmd)}); last output:")
        print(tail(proc.stdout + proc.stderr))
        return None
    return proc.stdout


def parse(side, text):
    """Case name -> result, in order; None after printing why the lines are unusable."""
    cases = {}
    for line in text.splitlines():
        m = CASE.match(line.strip())
        if not m:
            continue
        name, result = m.groups()
        if name in cases:
            print(f"FAIL  {side}: case {name} printed twice")
            return None
        cases[name] = result
    return cases


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--host", required=True, help="the host build's frontend_vectors")
    ap.add_argument("--firmware", required=True, help="frontend_vectors_fw (ELF)")
    ap.add_argument("--cases", type=int, required=True, help="expected number of cases")
    ap.add_argument("--timeout", type=int, default=300)
    args = ap.parse_args()

    if not (os.path.isfile(args.host) and os.access(args.host, os.X_OK)):
        print(f"FAIL  host frontend_vectors not found at {args.host}: build the host preset "
              "first (./run.sh does), or point TT_HOST_FRONTEND_VECTORS at it")
        return 1
    if not os.path.isfile(args.firmware):
        print(f"FAIL  firmware image not found at {args.firmware}")
        return 1
    if args.cases <= 0:
        print(f"FAIL  --cases must be positive, got {args.cases}")
        return 1

    host_out = run("host", [args.host], args.timeout)
    board_out = run("Cortex-M7 (QEMU)", [RUN_FIRMWARE, "--timeout", str(args.timeout),
                                         args.firmware], args.timeout + 30)
    if host_out is None or board_out is None:
        return 1
    host = parse("host", host_out)
    board = parse("Cortex-M7", board_out)
    if host is None or board is None:
        return 1

    ok = True
    for side, cases in (("host", host), ("Cortex-M7", board)):
        if len(cases) != args.cases:
            print(f"FAIL  {side} printed {len(cases)} cases, expected {args.cases}")
            ok = False
    agree = 0
    for name in list(host) + [n for n in board if n not in host]:
        h, b = host.get(name, "missing"), board.get(name, "missing")
        if h == b and h.startswith("crc "):
            agree += 1
            print(f"ok    {name}: {h}")
        else:
            print(f"FAIL  {name}: host {h}, Cortex-M7 {b}")
            ok = False

    for line in board_out.splitlines():
        m = COST.match(line.strip())
        if m:
            print(f"cost  {m.group(1)}: {int(m.group(2)):,} instructions on the Cortex-M7")

    total = len(set(host) | set(board))
    print(f"frontends_on_qemu: {agree} of {total} cases agree bit for bit "
          f"(expected {args.cases}){'' if ok else ': MISMATCH'}")
    return 0 if ok and agree == args.cases else 1


if __name__ == "__main__":
    sys.exit(main())
