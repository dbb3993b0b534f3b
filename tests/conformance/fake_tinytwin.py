#!/usr/bin/python3
"""A stand-in for `tinytwin run --json`, answering from the NumPy reference itself.

It lets test_pytflite.py check the conformance harness without the C++ CLI: with it the
harness must pass, and with TT_FAKE_CORRUPT=layer (one layer's CRC altered) or
TT_FAKE_CORRUPT=output (one output value altered) it must fail and name the place. Like the
real CLI, it gives RESHAPE and SQUEEZE no layer.
"""

import argparse
import json
import os
import sys
import zlib

import numpy as np

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools", "pytflite"))
import model_reference as M  # noqa: E402
import tflite_read  # noqa: E402


def main(argv):
    p = argparse.ArgumentParser()
    p.add_argument("command", choices=["run"])
    p.add_argument("--model", required=True)
    p.add_argument("--input", required=True)
    p.add_argument("--backend", default="host")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv[1:])
    model = tflite_read.read_model(args.model)
    result = M.run_model(model, [np.load(args.input)])
    corrupt = os.environ.get("TT_FAKE_CORRUPT", "")
    layers = []
    for op in model.operators:
        if op.op in ("RESHAPE", "SQUEEZE"):
            continue
        y = result.op_outputs[op.index]
        crc = zlib.crc32(np.ascontiguousarray(y).tobytes()) & 0xFFFFFFFF
        if corrupt == "layer" and len(layers) == 1:
            crc ^= 1
        layers.append({"index": len(layers), "op": op.op, "tflite_index": op.index,
                       "output_shape": list(y.shape), "macs": 0, "time_ns": 0,
                       "output_crc32": "%08x" % crc})
    outputs = []
    for index, y in zip(model.outputs, result.outputs):
        t = model.tensors[index]
        data = y.reshape(-1).tolist()
        if corrupt == "output":
            data[len(data) // 2] += 1 if data[len(data) // 2] < 100 else -1
        outputs.append({"shape": list(y.shape), "dtype": np.dtype(y.dtype).name,
                        "scale": float(t.scale) if t.quantization is not None else 0.0,
                        "zero_point": t.zero_point, "data": data})
    print(json.dumps({"backend": args.backend, "outputs": outputs, "layers": layers,
                      "arena_bytes": 0}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
