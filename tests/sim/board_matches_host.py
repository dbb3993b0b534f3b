#!/usr/bin/env python3
"""`tinytwin run --backend qemu` equals `--backend host` bit for bit, per layer too.

For every shipped model (assets/models) and the MLPerf Tiny models in ../shared (skipped
with a message when that folder is absent), on two seeded random inputs: the outputs and
every layer's output CRC32 must be identical on the host and on the emulated Cortex-M7, and
every board layer must report a positive instruction count from the exact (TCG plugin)
counter, close to its SysTick figure (bench --json gives both): SysTick is exact to +-40
and its window leaves out the marker calls around a layer (under 100 instructions).

Usage: board_matches_host.py --tinytwin BIN --firmware ELF --plugin SO --source-dir DIR
Exit 0 pass, 1 fail, 77 skip (no QEMU or no firmware image).
"""
import argparse
import json
import os
import pathlib
import random
import shutil
import struct
import subprocess
import sys
import tempfile


def write_npy(path, shape, data):
    header = "{'descr': '|i1', 'fortran_order': False, 'shape': (%s), }" % (
        "".join("%d, " % d for d in shape))
    header += " " * (63 - (len(header) + 10) % 64) + "\n"
    with open(path, "wb") as f:
        f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode())
        f.write(bytes(data))


def run_json(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        raise RuntimeError("%s failed (%d):\n%s" % (" ".join(cmd), p.returncode, p.stderr))
    return json.loads(p.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tinytwin", required=True)
    ap.add_argument("--firmware", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--source-dir", required=True)
    a = ap.parse_args()
    if shutil.which("qemu-system-arm") is None:
        print("SKIP: qemu-system-arm not found")
        return 77
    if not os.path.isfile(a.firmware):
        print("SKIP: firmware image %s not built (cmake --build --preset fw-mps2-an500)" % a.firmware)
        return 77
    src = pathlib.Path(a.source_dir).resolve()
    models = sorted(str(p) for p in (src / "assets" / "models").glob("*.tflite"))
    shared = src.parent / "shared" / "models" / "mlperf-tiny"
    if shared.is_dir():
        models += sorted(str(p) for p in shared.glob("*.tflite"))
    else:
        print("note: %s absent: the MLPerf Tiny models are not checked" % shared)
    board = ["--firmware", a.firmware, "--plugin", a.plugin, "--timeout", "300"]
    failures = 0
    rng = random.Random(20261121)
    with tempfile.TemporaryDirectory() as tmp:
        for model in models:
            info = run_json([a.tinytwin, "info", model, "--json"])
            shape = info["inputs"][0]["shape"]
            count = 1
            for d in shape:
                count *= d
            for trial in range(2):
                x = os.path.join(tmp, "x%d.npy" % trial)
                write_npy(x, shape, [rng.randrange(256) for _ in range(count)])
                host = run_json([a.tinytwin, "run", "--model", model, "--input", x, "--json"])
                qemu = run_json([a.tinytwin, "run", "--model", model, "--input", x, "--json",
                                 "--backend", "qemu"] + board)
                name = "%s input %d" % (os.path.basename(model), trial)
                problems = []
                if [o["data"] for o in host["outputs"]] != [o["data"] for o in qemu["outputs"]]:
                    problems.append("outputs differ")
                hc = [l["output_crc32"] for l in host["layers"]]
                qc = [l["output_crc32"] for l in qemu["layers"]]
                if hc != qc:
                    first = next(i for i, (h, q) in enumerate(zip(hc, qc)) if h != q) \
                        if len(hc) == len(qc) else -1
                    problems.append("layer CRCs differ (first at layer %d)" % first)
                if qemu.get("instruction_source") != "tcg-plugin":
                    problems.append("instruction counts are not exact: %s" %
                                    qemu.get("instruction_source"))
                if any(l["instructions"] <= 0 for l in qemu["layers"]):
                    problems.append("a layer has no instructions")
                total = sum(l["instructions"] for l in qemu["layers"])
                print("%-40s %3d layers  %11d instructions  %s" % (
                    name, len(qc), total, "; ".join(problems) or "bit-exact"))
                failures += bool(problems)
            bench = run_json([a.tinytwin, "bench", model, "--json"] + board)
            off = [l for l in bench["layers"]
                   if not -40 <= l["instructions"] - l["systick_instructions"] <= 140]
            if off:
                print("  bench: %d layers where exact and SysTick differ by more than expected: %s" % (
                    len(off), off[:3]))
                failures += 1
    print("%d models, %d failures" % (len(models), failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
