#!/usr/bin/python3
"""sim.plugin_counts: the icount_marker QEMU plugin counts exactly what the firmware executes.

Runs tests/sim/plugin_test_fw.c under qemu-system-arm (tools/qemu/run_firmware.sh) with the
plugin (sim/plugin/icount_marker.c) and checks:
  - every marker entry gives one line, hit indices 0, 1, ..., then a final "total" line;
  - between consecutive hits of the image's assembly part, exactly the instruction counts the
    image states ("expect" lines), MMIO in mid-block and a skipped IT instruction included;
  - the plugin agrees with the SysTick instruction counter (+-40 per reading);
  - a second run gives the identical file, and so does naming the marker by its address
    (marker_addr=, Thumb bit set and clear) instead of its symbol;
  - bad options (no out=, an unwritable out=, a bad marker_addr=, an unknown option) stop
    QEMU with a message that names the problem.
Exit code 0 when all hold, 1 otherwise, 77 (ctest: skipped) when qemu-system-arm or the
firmware image is missing.

Usage: plugin_check.py --plugin libtt_icount_marker.so --firmware plugin_test_fw [--timeout S]
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUN_FIRMWARE = os.path.join(ROOT, "tools", "qemu", "run_firmware.sh")
MARKER = "tt_test_marker"
SKIP = 77
# SysTick counts instructions in steps of 40, so each reading is off by up to 40.
SYSTICK_TOLERANCE = 2 * 40


class Check:
    def __init__(self):
        self.failures = 0

    def expect(self, ok, what):
        print(f"{'ok' if ok else 'FAILED'}: {what}")
        if not ok:
            self.failures += 1
        return ok


def run_qemu(firmware, plugin_spec, timeout):
    """Runs the image with `-plugin plugin_spec`; returns (exit code, QEMU's output)."""
    cmd = [RUN_FIRMWARE, "--timeout", str(timeout), "--qemu-arg", "-plugin", "--qemu-arg",
           plugin_spec, firmware]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          timeout=timeout + 30)
    return proc.returncode, proc.stdout


def parse_counts(text):
    """The plugin's file: {hit index: count} in file order, and the total (None if absent)."""
    hits, total, bad = [], None, []
    for line in text.splitlines():
        m = re.fullmatch(r"(\d+) (\d+)", line)
        if m and total is None:
            hits.append((int(m.group(1)), int(m.group(2))))
            continue
        m = re.fullmatch(r"total (\d+)", line)
        if m and total is None:
            total = int(m.group(1))
            continue
        bad.append(line)
    return hits, total, bad


def parse_firmware(output):
    info = {"expect": {}, "systick": {}, "hits": None, "marker_addr": None}
    for line in output.splitlines():
        if m := re.fullmatch(r"expect (\d+) (\d+)", line):
            info["expect"][int(m.group(1))] = int(m.group(2))
        elif m := re.fullmatch(r"systick (\d+) (\d+)", line):
            info["systick"][int(m.group(1))] = int(m.group(2))
        elif m := re.fullmatch(r"hits (\d+)", line):
            info["hits"] = int(m.group(1))
        elif m := re.fullmatch(r"marker_addr (0x[0-9a-f]+)", line):
            info["marker_addr"] = int(m.group(1), 16)
    return info


def check_counts(check, text, info):
    hits, total, bad = parse_counts(text)
    check.expect(not bad, f"plugin output has only hit lines and one total line {bad[:3]}")
    n = info["hits"]
    check.expect(n is not None and [i for i, _ in hits] == list(range(n)),
                 f"hit indices 0..{n - 1 if n else '?'} in order (got {len(hits)} hits)")
    counts = dict(hits)
    check.expect(all(a[1] < b[1] for a, b in zip(hits, hits[1:])), "counts strictly increase")
    check.expect(total is not None and hits and total > hits[-1][1],
                 f"final line 'total N' beyond the last hit (total {total})")

    for hit, want in sorted(info["expect"].items()):
        if hit in counts and hit - 1 in counts:
            got = counts[hit] - counts[hit - 1]
            check.expect(got == want, f"hit {hit - 1} -> {hit}: {got} instructions, expected {want}")
        else:
            check.expect(False, f"hit {hit - 1} -> {hit}: missing from the plugin's output")
    check.expect(len(info["expect"]) > 0, "the image stated exact deltas")

    systick = info["systick"]
    pairs = [(h, h + 1) for h in sorted(systick) if h + 1 in systick]
    check.expect(len(pairs) > 0, "the image reported SysTick readings")
    for a, b in pairs:
        if a in counts and b in counts:
            plugin_delta = counts[b] - counts[a]
            systick_delta = systick[b] - systick[a]
            check.expect(abs(plugin_delta - systick_delta) <= SYSTICK_TOLERANCE,
                         f"hit {a} -> {b}: plugin {plugin_delta}, SysTick {systick_delta} "
                         f"(+-{SYSTICK_TOLERANCE})")
        else:
            check.expect(False, f"hit {a} -> {b}: missing from the plugin's output")


def read(path):
    try:
        with open(path, encoding="ascii") as f:
            return f.read()
    except OSError as e:
        return f"<cannot read {path}: {e}>"


def check_option_errors(check, firmware, plugin, work, timeout):
    cases = [
        ("no out=", f"{plugin},marker={MARKER}", "missing out=FILE"),
        ("unwritable out=", f"{plugin},out={work}/no_such_dir/counts.txt", "cannot write"),
        ("bad marker_addr=", f"{plugin},out={work}/e.txt,marker_addr=0xzz",
         "marker_addr is not an address"),
        ("unknown option", f"{plugin},out={work}/e.txt,outfile=x", "unknown option: outfile=x"),
        ("marker= and marker_addr=", f"{plugin},out={work}/e.txt,marker=a,marker_addr=0x100",
         "give marker=SYMBOL or marker_addr=ADDRESS, not both"),
    ]
    for name, spec, message in cases:
        rc, output = run_qemu(firmware, spec, timeout)
        shown = output.strip().splitlines()[:1]
        check.expect(rc != 0 and f"icount_marker: {message}" in output,
                     f"{name}: QEMU stops (exit {rc}) saying '{message}' {shown}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plugin", required=True, help="libtt_icount_marker.so (host build)")
    parser.add_argument("--firmware", required=True, help="plugin_test_fw (firmware build)")
    parser.add_argument("--timeout", type=int, default=60, help="seconds per QEMU run")
    args = parser.parse_args()

    if shutil.which("qemu-system-arm") is None:
        print("SKIP: qemu-system-arm not found (Debian: apt install qemu-system-arm)")
        return SKIP
    if not os.path.isfile(args.firmware):
        print(f"SKIP: no firmware image {args.firmware}; build it with the firmware preset "
              "(cmake --preset fw-mps2-an500 && cmake --build --preset fw-mps2-an500 "
              "--target plugin_test_fw) or point TT_FW_PLUGIN_TEST_IMAGE at it")
        return SKIP
    if not os.path.isfile(args.plugin):
        print(f"FAILED: no plugin {args.plugin}; build the target tt_icount_marker")
        return 1
    plugin = os.path.abspath(args.plugin)
    check = Check()

    with tempfile.TemporaryDirectory(prefix="plugin_check.") as work:
        runs = {}
        specs = [("symbol", f"marker={MARKER}"), ("symbol, again", f"marker={MARKER}")]
        for name, marker_option in specs:
            out = os.path.join(work, f"counts{len(runs)}.txt")
            rc, output = run_qemu(args.firmware, f"{plugin},out={out},{marker_option}",
                                  args.timeout)
            if not check.expect(rc == 0, f"run ({name}) exits 0 (got {rc})"):
                print(output[-3000:])
                return 1
            runs[name] = (read(out), parse_firmware(output))

        text, info = runs["symbol"]
        print("plugin output:\n" + "".join(f"  | {line}\n" for line in text.splitlines()))
        check_counts(check, text, info)
        check.expect(runs["symbol, again"][0] == text, "a second run gives the identical file")

        address = info["marker_addr"]
        if check.expect(address is not None, "the image reported the marker's address"):
            for label, value in (("Thumb bit set", address | 1), ("Thumb bit clear", address & ~1)):
                out = os.path.join(work, f"addr{value:x}.txt")
                rc, output = run_qemu(args.firmware, f"{plugin},out={out},marker_addr={value:#x}",
                                      args.timeout)
                check.expect(rc == 0 and read(out) == text,
                             f"marker_addr={value:#x} ({label}) gives the identical file")

        check_option_errors(check, args.firmware, plugin, work, args.timeout)

    print(f"{check.failures} failure(s)")
    return 1 if check.failures else 0


if __name__ == "__main__":
    sys.exit(main())
