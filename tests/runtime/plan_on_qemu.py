#!/usr/bin/python3
"""The same plan on the host and on the emulated Cortex-M7 must compute the same bytes.

For each model: compile it with the host `tinytwin`, run one random input through
`tinytwin run --json` (host, DSP kernels compiled as portable C) and through the firmware
`plan_runner` under qemu-system-arm (DSP kernels as real SIMD32 instructions; the plan and
the input placed in memory with -device loader, no firmware rebuild), and compare every
layer's output CRC32 and the output bytes. Also prints the per-layer instruction counts.

Models: the generated op-coverage models (tools/pytflite/make_test_models.py) and the MLPerf
Tiny models in SHARED/models/mlperf-tiny when present (skipped with a message otherwise).

Usage: plan_on_qemu.py --tinytwin HOST_TINYTWIN --runner PLAN_RUNNER_ELF --workdir DIR
                       [--shared DIR] [--inputs N]
"""

import argparse
import glob
import json
import os
import re
import struct
import subprocess
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUN_FIRMWARE = os.path.join(ROOT, "tools", "qemu", "run_firmware.sh")


def host_info(tinytwin, model):
    out = subprocess.run([tinytwin, "info", model, "--json"], check=True, capture_output=True,
                         text=True).stdout
    return json.loads(out)


def random_input(spec, rng):
    shape = spec["shape"]
    if spec["dtype"] == "float32":
        return rng.uniform(-4.0, 4.0, shape).astype(np.float32)
    return rng.integers(-128, 128, shape, dtype=np.int8)


def run_host(tinytwin, plan, x_path):
    out = subprocess.run([tinytwin, "run", "--model", plan, "--input", x_path, "--json"],
                         check=True, capture_output=True, text=True).stdout
    j = json.loads(out)
    crcs = [layer["output_crc32"] for layer in j["layers"]]
    outputs = []
    for o in j["outputs"]:
        dtype = np.float32 if o["dtype"] == "float32" else np.int8
        outputs.append(np.asarray(o["data"], dtype=dtype).tobytes().hex())
    return crcs, outputs


def run_board(runner, plan, input_bin, log):
    cmd = [RUN_FIRMWARE, "--timeout", "120", "--log", log,
           "--qemu-arg", "-device", "--qemu-arg", f"loader,file={plan},addr=0x60000000",
           "--qemu-arg", "-device", "--qemu-arg", f"loader,file={input_bin},addr=0x60800000",
           runner]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"plan_runner exited {proc.returncode}:\n{proc.stdout[-2000:]}"
                           f"{proc.stderr[-2000:]}")
    layers, outputs, total = [], [], None
    for line in proc.stdout.splitlines():
        m = re.match(r"layer (\d+) (\S+) macs (\d+) instructions (\d+) crc ([0-9a-f]{8})$", line)
        if m:
            layers.append((m.group(2), int(m.group(3)), int(m.group(4)), m.group(5)))
        m = re.match(r"output \d+:((?: [0-9a-f]{2})*)$", line)
        if m:
            outputs.append(m.group(1).replace(" ", ""))
        m = re.match(r"total instructions (\d+)$", line)
        if m:
            total = int(m.group(1))
    return layers, outputs, total


def check_model(args, model, rng):
    name = os.path.basename(model)
    plan = os.path.join(args.workdir, name + ".ttm")
    subprocess.run([args.tinytwin, "compile", model, "-o", plan], check=True,
                   capture_output=True)
    spec = host_info(args.tinytwin, plan)["inputs"][0]
    for k in range(args.inputs):
        x = random_input(spec, rng)
        x_path = os.path.join(args.workdir, f"{name}.{k}.npy")
        np.save(x_path, x)
        bin_path = os.path.join(args.workdir, f"{name}.{k}.bin")
        with open(bin_path, "wb") as f:
            f.write(struct.pack("<I", x.nbytes) + x.tobytes())
        host_crcs, host_out = run_host(args.tinytwin, plan, x_path)
        layers, board_out, total = run_board(args.runner, plan, bin_path,
                                             os.path.join(args.workdir, f"{name}.{k}.log"))
        board_crcs = [layer[3] for layer in layers]
        if board_crcs != host_crcs:
            first = next(i for i, (a, b) in enumerate(zip(host_crcs, board_crcs)) if a != b) \
                if len(board_crcs) == len(host_crcs) else -1
            print(f"FAIL  {name} input {k}: layer CRCs differ (first diverging layer {first}: "
                  f"host {host_crcs[first] if first >= 0 else host_crcs} board "
                  f"{board_crcs[first] if first >= 0 else board_crcs})")
            return False
        if board_out != host_out:
            print(f"FAIL  {name} input {k}: outputs differ")
            return False
    macs = sum(layer[1] for layer in layers)
    per_mac = f", {total / macs:.2f} instructions/MAC" if macs else ""
    print(f"ok    {name}: {args.inputs} inputs, {len(layers)} layer CRCs and outputs equal on "
          f"host and Cortex-M7; {total:,} instructions{per_mac}")
    for i, (kind, lmacs, instr, _) in enumerate(layers):
        ratio = f" ({instr / lmacs:.2f}/MAC)" if lmacs else ""
        print(f"        layer {i:2d} {kind:18s} {instr:>11,} instructions{ratio}")
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tinytwin", required=True)
    ap.add_argument("--runner", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--inputs", type=int, default=2)
    args = ap.parse_args()
    if not os.access(args.tinytwin, os.X_OK):
        print(f"plan_on_qemu: host tinytwin not found at {args.tinytwin}: build the host preset "
              "first (./run.sh does)", file=sys.stderr)
        return 1
    os.makedirs(args.workdir, exist_ok=True)
    gen = os.path.join(args.workdir, "models")
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "pytflite",
                                                 "make_test_models.py"), gen], check=True,
                   capture_output=True)
    models = sorted(glob.glob(os.path.join(gen, "*.tflite")))
    mlperf = os.path.join(args.shared, "models", "mlperf-tiny")
    if os.path.isdir(mlperf):
        models += sorted(glob.glob(os.path.join(mlperf, "*.tflite")))
    else:
        print(f"skipping MLPerf Tiny models: {mlperf} not found")
    rng = np.random.default_rng(20261121)
    ok = all([check_model(args, m, rng) for m in models])
    print(f"plan_on_qemu: {'all' if ok else 'NOT all'} {len(models)} models agree bit for bit")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
