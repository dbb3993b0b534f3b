#!/usr/bin/python3
"""Whole-model conformance: `tinytwin run` against the NumPy TFLite int8 reference.

For every model (the generated test models of tools/pytflite/make_test_models.py, the
repository's assets/models/*.tflite, and the MLPerf Tiny models under the shared folder when
present) and for --inputs random inputs, runs

    tinytwin run --model M --input X.npy --json

and requires (tolerance 0) that every output equals tools/pytflite/model_reference.py's, and
that every executed layer's output_crc32 equals the CRC32 of the reference output of the
TFLite operator named by its tflite_index. On a mismatch it prints the model, the input
number, the first diverging layer (or the first differing output positions), keeps the input
under WORKDIR/failures/, and exits 1 after checking the remaining models.

Usage: conformance.py --tinytwin PATH --workdir DIR [--models M.tflite ...] [--shared DIR]
                      [--inputs N] [--seed S] [--backend NAME] [--kernels dsp|ref]
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import zlib

import numpy as np

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools", "pytflite"))
import make_test_models  # noqa: E402
import model_reference as M  # noqa: E402
import tflite_read  # noqa: E402

RUN_TIMEOUT_S = 120
MAX_REPORTED_POSITIONS = 8


class Mismatch(Exception):
    """tinytwin disagrees with the reference; the message says where."""


def crc32_hex(array):
    return "%08x" % (zlib.crc32(np.ascontiguousarray(array).tobytes()) & 0xFFFFFFFF)


def generate_models(out_dir):
    """Writes the generated test models (deterministic) and returns their paths."""
    os.makedirs(out_dir, exist_ok=True)
    paths = []
    for i, build in enumerate(make_test_models.MODELS):
        graph, outputs = build()
        data = graph.finish(outputs)
        make_test_models.check_model(build.__name__, data, seed=9000 + i)
        path = os.path.join(out_dir, build.__name__ + ".tflite")
        with open(path, "wb") as f:
            f.write(data)
        paths.append(path)
    return paths


def default_models(workdir, shared):
    paths = generate_models(os.path.join(workdir, "models"))
    paths += sorted(glob.glob(os.path.join(ROOT, "assets", "models", "*.tflite")))
    mlperf = os.path.join(shared, "models", "mlperf-tiny")
    if os.path.isdir(mlperf):
        paths += sorted(glob.glob(os.path.join(mlperf, "*.tflite")))
    else:
        print(f"skipping MLPerf Tiny models: {mlperf} not found")
    return paths


def run_tinytwin(args, model_path, input_path):
    cmd = [args.tinytwin, "run", "--model", model_path, "--input", input_path, "--json"]
    if args.backend:
        cmd += ["--backend", args.backend]
    if args.kernels:
        cmd += ["--kernels", args.kernels]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=RUN_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise Mismatch(f"tinytwin run timed out after {RUN_TIMEOUT_S} s")
    if proc.returncode != 0:
        raise Mismatch(f"tinytwin run exited {proc.returncode}: {proc.stderr.strip()[-2000:]}")
    try:
        return json.loads(proc.stdout)
    except json.JSONDecodeError as e:
        raise Mismatch(f"stdout is not one JSON object ({e}): {proc.stdout[:500]!r}")


def _first_differences(expected, got):
    diff = np.flatnonzero(expected.reshape(-1) != got.reshape(-1))
    lines = []
    for flat in diff[:MAX_REPORTED_POSITIONS]:
        pos = np.unravel_index(flat, expected.shape)
        lines.append(f"    at {list(map(int, pos))} (flat {flat}): expected "
                     f"{expected.reshape(-1)[flat]}, got {got.reshape(-1)[flat]}")
    return f"{diff.size} of {expected.size} elements differ\n" + "\n".join(lines)


def compare_outputs(model, ref_outputs, outputs):
    if len(outputs) != len(ref_outputs):
        raise Mismatch(f"{len(outputs)} outputs, the model has {len(ref_outputs)}")
    for k, (index, expected, out) in enumerate(zip(model.outputs, ref_outputs, outputs)):
        t = model.tensors[index]
        dtype = np.dtype(expected.dtype).name
        if out.get("dtype") != dtype:
            raise Mismatch(f"output {k}: dtype {out.get('dtype')}, expected {dtype}")
        if list(out.get("shape", [])) != list(expected.shape):
            raise Mismatch(f"output {k}: shape {out.get('shape')}, expected "
                           f"{list(expected.shape)}")
        if dtype == "int8" and t.quantization is not None:
            if np.float32(out.get("scale", 0.0)) != t.scale or \
                    int(out.get("zero_point", 1 << 20)) != t.zero_point:
                raise Mismatch(f"output {k}: scale/zero point {out.get('scale')}, "
                               f"{out.get('zero_point')}, expected {t.scale}, {t.zero_point}")
        got = np.asarray(out.get("data", []), dtype=np.float64)
        if got.size != expected.size:
            raise Mismatch(f"output {k}: {got.size} values, expected {expected.size}")
        got = got.astype(expected.dtype).reshape(expected.shape)
        if not np.array_equal(got, expected):
            raise Mismatch(f"output {k} ({t.name}): " + _first_differences(expected, got))


def compare_layers(model, op_outputs, layers):
    """Returns the number of layer CRCs compared; raises at the first diverging layer."""
    for layer in layers:
        k = layer.get("tflite_index")
        if not isinstance(k, int) or k not in op_outputs:
            raise Mismatch(f"layer {layer.get('index')} {layer.get('op')}: tflite_index {k} is "
                           f"not an operator of the model")
        expected = op_outputs[k]
        if "output_shape" in layer and int(np.prod(layer["output_shape"])) != expected.size:
            raise Mismatch(f"layer {layer.get('index')} {layer.get('op')} (tflite op {k} "
                           f"{model.operators[k].op}): output_shape {layer['output_shape']}, "
                           f"reference has {list(expected.shape)}")
        want = crc32_hex(expected)
        got = str(layer.get("output_crc32", "")).lower()
        if got != want:
            raise Mismatch(f"first diverging layer: index {layer.get('index')} op "
                           f"{layer.get('op')} (tflite op {k} {model.operators[k].op}, output "
                           f"tensor '{model.tensors[model.operators[k].outputs[0]].name}'): "
                           f"expected CRC {want}, got {got}")
    return len(layers)


def check_model(args, path):
    """Runs one model on args.inputs inputs. Returns (ok, summary line)."""
    name = os.path.basename(path)
    try:
        model = tflite_read.read_model(path)
        M.check_supported(model)
    except (tflite_read.TfliteFormatError, M.UnsupportedModelError) as e:
        return False, f"{name}: the reference cannot run it: {e}"
    if len(model.inputs) != 1:
        return False, f"{name}: {len(model.inputs)} inputs; tinytwin run takes one"
    x_path = os.path.join(args.workdir, "inputs", "X.npy")
    os.makedirs(os.path.dirname(x_path), exist_ok=True)
    elided = None
    layers_compared = 0
    name_key = zlib.crc32(name.encode())
    for i in range(args.inputs):
        rng = np.random.default_rng([args.seed, name_key, i])
        x = M.random_inputs(model, rng)[0]
        np.save(x_path, x)
        try:
            expected = M.run_model(model, [x])
            result = run_tinytwin(args, path, x_path)
            layers = result.get("layers", [])
            problems = []
            for compare in (lambda: compare_layers(model, expected.op_outputs, layers),
                            lambda: compare_outputs(model, expected.outputs,
                                                    result.get("outputs", []))):
                try:
                    layers_compared += compare() or 0
                except Mismatch as e:
                    problems.append(str(e))
            if problems:
                raise Mismatch("\n  ".join(problems))
        except Mismatch as e:
            keep = os.path.join(args.workdir, "failures", f"{os.path.splitext(name)[0]}"
                                f"_input{i}.npy")
            os.makedirs(os.path.dirname(keep), exist_ok=True)
            np.save(keep, x)
            return False, f"{name}: MISMATCH on input {i} (kept as {keep}):\n  {e}"
        if elided is None:
            with_layer = {layer.get("tflite_index") for layer in layers}
            elided = [f"{op.index} {op.op}" for op in model.operators
                      if op.index not in with_layer]
    note = f"; tflite ops without a layer: {', '.join(elided)}" if elided else ""
    return True, (f"{name}: {args.inputs} inputs, {layers_compared} layer CRCs "
                  f"({layers_compared // max(args.inputs, 1)} per input) and all outputs "
                  f"exact{note}")


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--tinytwin", required=True, help="path of the tinytwin executable")
    p.add_argument("--workdir", required=True, help="scratch folder (models, inputs, failures)")
    p.add_argument("--models", nargs="+", help="models to check instead of the default set")
    p.add_argument("--shared", default=os.path.join(os.path.dirname(ROOT), "shared"),
                   help="the shared folder (default: ../shared next to the repository)")
    p.add_argument("--inputs", type=int, default=50, help="random inputs per model")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--backend", default=None, help="passed to tinytwin run --backend")
    p.add_argument("--kernels", default=None, help="passed to tinytwin run --kernels")
    args = p.parse_args(argv[1:])
    if args.inputs < 1:
        p.error("--inputs must be >= 1")
    os.makedirs(args.workdir, exist_ok=True)
    models = args.models or default_models(args.workdir, args.shared)
    failures = 0
    for path in models:
        ok, line = check_model(args, path)
        print(("ok    " if ok else "FAIL  ") + line, flush=True)
        failures += not ok
    print(f"conformance: {len(models) - failures} of {len(models)} models agree with the "
          f"reference")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
