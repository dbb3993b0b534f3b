#!/usr/bin/python3
"""Cross-check of `tinytwin run` against Arm NN (pyarmnn, CpuRef backend).

Arm NN is a second, independent runtime for .tflite models. It is not integer-exact with
the TFLite int8 reference that tinytwin follows: its reference backend dequantizes every
operator's inputs, computes in float32 and quantizes the result once, where TFLite
requantizes int32 accumulators with a fixed-point multiplier and two roundings. Each
CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED output can therefore differ by one LSB, and
the differences grow with depth. This check thus does not ask for equality; it measures,
for N random int8 inputs (fixed seed) per classifier model:

  - argmax agreement of the first output (np.argmax, ties resolved to the lowest index),
  - the distribution of |tinytwin - Arm NN| over all output elements, in output LSBs
    (max, mean, histogram 0 / 1 / 2-3 / 4-7 / 8-15 / 16+),
  - the exact-equality rate (inputs whose outputs are equal everywhere).

Models: the MLPerf Tiny classifiers under SHARED/models/mlperf-tiny (kws_ref_model.tflite,
pretrainedResnet_quant.tflite) when present, plus the repository's assets/models/*.tflite;
or those given with --models.

Exit status: 1 when a compared model's argmax agreement is below --min-agreement, when
tinytwin fails, when a model given with --models does not exist, or when the two runtimes
disagree on an output's shape or quantization; 2 when pyarmnn cannot be imported; 0
otherwise. A model that Arm NN cannot parse, optimize for CpuRef, load or run is reported
as NOT COMPARED with Arm NN's message; that alone does not change the exit status (it
says nothing about tinytwin). Without --models, a missing shared folder is reported as
"skipping: ... not found" and is not an error.

Usage: armnn_check.py --tinytwin PATH [--models M.tflite ...] [--shared DIR] [--inputs N]
                      [--seed S] [--min-agreement F] [--json-report FILE]
"""

import argparse
import glob
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
import zlib

import numpy as np

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
MLPERF_MODELS = ("kws_ref_model.tflite", "pretrainedResnet_quant.tflite")
BACKEND = "CpuRef"
RUN_TIMEOUT_S = 120
# |difference| buckets in output LSBs: [lo, hi] inclusive, hi None = unbounded.
BUCKETS = ((0, 0), (1, 1), (2, 3), (4, 7), (8, 15), (16, None))


def bucket_name(lo, hi):
    if hi is None:
        return f"{lo}+"
    return str(lo) if lo == hi else f"{lo}-{hi}"


def import_pyarmnn():
    # pyarmnn warns through `logging` about every parser it was built without (Caffe, ONNX,
    # TF); only the TFLite parser is used here.
    logging.getLogger("pyarmnn").setLevel(logging.ERROR)
    import pyarmnn  # noqa: PLC0415

    return pyarmnn


class ArmnnError(Exception):
    """Arm NN could not handle the model; the message names the stage."""


class NotComparable(Exception):
    """The model is outside what the check compares (inputs, dtypes)."""


class TinytwinError(Exception):
    """tinytwin failed or printed something unexpected."""


class ArmnnModel:
    """One .tflite model parsed, optimized for CpuRef and loaded into a shared IRuntime."""

    def __init__(self, ann, runtime, path):
        self.ann = ann
        self.runtime = runtime
        stage = "parse"
        try:
            parser = ann.ITfLiteParser()
            network = parser.CreateNetworkFromBinaryFile(path)
            if parser.GetSubgraphCount() != 1:
                raise NotComparable(f"{parser.GetSubgraphCount()} subgraphs; the check takes one")
            in_names = list(parser.GetSubgraphInputTensorNames(0))
            out_names = list(parser.GetSubgraphOutputTensorNames(0))
            self.inputs = [parser.GetNetworkInputBindingInfo(0, n) for n in in_names]
            self.outputs = [parser.GetNetworkOutputBindingInfo(0, n) for n in out_names]
            self.output_names = out_names
            stage = "optimize for " + BACKEND
            optimized, messages = ann.Optimize(network, [ann.BackendId(BACKEND)],
                                               runtime.GetDeviceSpec(), ann.OptimizerOptions())
            self.optimize_messages = [str(m) for m in messages]
            stage = "load"
            self.network_id, load_message = runtime.LoadNetwork(optimized)
            self.load_message = str(load_message or "")
        except NotComparable:
            raise
        except Exception as e:  # pyarmnn raises RuntimeError; be broad, report the text
            raise ArmnnError(f"Arm NN cannot {stage}: {type(e).__name__}: {str(e).strip()}") \
                from e

    def input_spec(self):
        if len(self.inputs) != 1:
            raise NotComparable(f"the model has {len(self.inputs)} inputs; the check takes one")
        info = self.inputs[0][1]
        shape = [info.GetShape()[i] for i in range(info.GetNumDimensions())]
        return shape, info.GetDataType()

    def output_quant(self):
        """[(shape, scale, zero_point)] per output, from the binding infos."""
        result = []
        for _, info in self.outputs:
            shape = [info.GetShape()[i] for i in range(info.GetNumDimensions())]
            result.append((shape, info.GetQuantizationScale(), info.GetQuantizationOffset()))
        return result

    def run(self, x):
        try:
            inputs = self.ann.make_input_tensors([self.inputs[0]], [x])
            outputs = self.ann.make_output_tensors(self.outputs)
            self.runtime.EnqueueWorkload(self.network_id, inputs, outputs)
            return [np.array(a, copy=True) for a in self.ann.workload_tensors_to_ndarray(outputs)]
        except Exception as e:
            raise ArmnnError(f"Arm NN cannot run: {type(e).__name__}: {str(e).strip()}") from e

    def unload(self):
        try:
            self.runtime.UnloadNetwork(self.network_id)
        except Exception:  # noqa: BLE001 - best effort
            pass


def run_tinytwin(tinytwin, model_path, input_path):
    cmd = [tinytwin, "run", "--model", model_path, "--input", input_path, "--json"]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=RUN_TIMEOUT_S)
    except subprocess.TimeoutExpired as e:
        raise TinytwinError(f"timed out after {RUN_TIMEOUT_S} s: {' '.join(cmd)}") from e
    except OSError as e:
        raise TinytwinError(f"cannot run {tinytwin}: {e}") from e
    if proc.returncode != 0:
        detail = proc.stderr.strip()
        raise TinytwinError(f"exit {proc.returncode}: {' '.join(cmd)}" +
                            (f"\n{detail}" if detail else ""))
    try:
        result = json.loads(proc.stdout)
        outputs = []
        for o in result["outputs"]:
            if o["dtype"] != "int8":
                raise TinytwinError(f"output dtype {o['dtype']}, expected int8")
            data = np.array(o["data"], dtype=np.int32).astype(np.int8)
            outputs.append((list(o["shape"]), float(o["scale"]), int(o["zero_point"]), data))
        return outputs
    except (ValueError, KeyError, TypeError) as e:
        raise TinytwinError(f"unexpected JSON from {' '.join(cmd)}: {e}") from e


def datatype_name(ann, dtype):
    for attr in dir(ann):
        if attr.startswith("DataType_") and getattr(ann, attr) == dtype:
            return attr[len("DataType_"):]
    return str(dtype)


def has_tie(v):
    return int(np.count_nonzero(v == v.max())) > 1


def check_model(ann, runtime, args, path, workdir):
    """Returns the per-model report (a dict); never raises for model-level problems."""
    name = os.path.basename(path)
    report = {"model": name, "path": path, "backend": BACKEND, "inputs": 0}
    t_start = time.monotonic()
    if not os.path.isfile(path):
        report.update(status="missing", reason="no such file")
        return report
    try:
        model = ArmnnModel(ann, runtime, path)
    except (ArmnnError, NotComparable) as e:
        report.update(status="not_compared", reason=str(e))
        return report
    try:
        shape, dtype = model.input_spec()
        if dtype != ann.DataType_QAsymmS8:
            raise NotComparable(f"the input is {datatype_name(ann, dtype)}, not int8 "
                                "(QAsymmS8); the check feeds random int8 inputs")
        expected_out = model.output_quant()
        rng = np.random.default_rng([args.seed, zlib.crc32(name.encode())])
        input_path = os.path.join(workdir, "x.npy")
        diffs = []  # per input: |difference| of all output elements, int32
        agree = exact = ties = 0
        # argmax differs: both runtimes' scores of the two classes, [tinytwin's, Arm NN's]
        disagreements = []
        armnn_s = tinytwin_s = 0.0
        for i in range(args.inputs):
            x = rng.integers(-128, 128, size=shape, dtype=np.int8)
            np.save(input_path, x)
            t0 = time.monotonic()
            a_out = model.run(x)
            t1 = time.monotonic()
            t_out = run_tinytwin(args.tinytwin, path, input_path)
            tinytwin_s += time.monotonic() - t1
            armnn_s += t1 - t0
            if len(t_out) != len(a_out):
                raise TinytwinError(f"{len(t_out)} outputs from tinytwin, {len(a_out)} from "
                                    "Arm NN")
            d_all = []
            for k, ((t_shape, t_scale, t_zp, t_data), a, (a_shape, a_scale, a_zp)) in \
                    enumerate(zip(t_out, a_out, expected_out)):
                if i == 0:
                    if int(np.prod(t_shape)) != int(np.prod(a_shape)) or t_zp != a_zp or \
                            not np.isclose(t_scale, a_scale, rtol=1e-6, atol=0):
                        raise TinytwinError(
                            f"output {k}: tinytwin shape {t_shape} scale {t_scale} zero point "
                            f"{t_zp}, Arm NN shape {a_shape} scale {a_scale} zero point {a_zp}")
                    if a.dtype != np.int8:
                        raise NotComparable(f"output {k} is {a.dtype}, not int8")
                d_all.append(np.abs(t_data.astype(np.int32) - a.reshape(-1).astype(np.int32)))
            d = np.concatenate(d_all)
            diffs.append(d)
            exact += int(not d.any())
            t_first = t_out[0][3]
            a_first = a_out[0].reshape(-1)
            t_arg, a_arg = int(np.argmax(t_first)), int(np.argmax(a_first))
            if t_arg == a_arg:
                agree += 1
            else:
                disagreements.append({
                    "input": i, "tinytwin_argmax": t_arg, "armnn_argmax": a_arg,
                    "tinytwin_values": [int(t_first[t_arg]), int(t_first[a_arg])],
                    "armnn_values": [int(a_first[t_arg]), int(a_first[a_arg])]})
            ties += int(has_tie(t_first) or has_tie(a_first))
            report["inputs"] = i + 1
        d = np.concatenate(diffs)
        histogram = {}
        for lo, hi in BUCKETS:
            sel = (d >= lo) if hi is None else ((d >= lo) & (d <= hi))
            histogram[bucket_name(lo, hi)] = int(np.count_nonzero(sel))
        per_input_max = [int(x.max()) for x in diffs]
        n = args.inputs
        report.update(
            status="compared",
            argmax_agreement=agree / n,
            argmax_agree_count=agree,
            exact_rate=exact / n,
            exact_count=exact,
            max_lsb=int(d.max()),
            mean_lsb=float(d.mean()),
            median_input_max_lsb=float(np.median(per_input_max)),
            histogram=histogram,
            elements=int(d.size),
            inputs_with_tied_max=ties,
            disagreements=disagreements,
            output_scale=expected_out[0][1],
            output_zero_point=expected_out[0][2],
            optimize_messages=model.optimize_messages,
            armnn_seconds=round(armnn_s, 3),
            tinytwin_seconds=round(tinytwin_s, 3),
        )
        report["passed"] = report["argmax_agreement"] >= args.min_agreement
    except (ArmnnError, NotComparable) as e:
        report.update(status="not_compared", reason=str(e))
    except TinytwinError as e:
        report.update(status="tinytwin_error", reason=str(e))
    finally:
        model.unload()
        report["seconds"] = round(time.monotonic() - t_start, 3)
    return report


def default_models(shared):
    paths = []
    mlperf = os.path.join(shared, "models", "mlperf-tiny")
    if os.path.isdir(mlperf):
        for m in MLPERF_MODELS:
            p = os.path.join(mlperf, m)
            if os.path.isfile(p):
                paths.append(p)
            else:
                print(f"skipping: {p} not found")
    else:
        print(f"skipping: {mlperf} not found")
    paths += sorted(glob.glob(os.path.join(ROOT, "assets", "models", "*.tflite")))
    return paths


def print_report(r, min_agreement):
    print(f"== {r['model']} ({r['path']})")
    if r["status"] == "not_compared":
        print(f"   NOT COMPARED: {r['reason']}")
        return
    if r["status"] == "missing":
        print(f"   FAIL: {r['reason']}")
        return
    if r["status"] == "tinytwin_error":
        print(f"   FAIL (tinytwin) after {r['inputs']} input(s): {r['reason']}")
        return
    n = r["inputs"]
    verdict = "ok" if r["passed"] else f"FAIL (below {min_agreement:.2%})"
    print(f"   argmax agreement  {r['argmax_agree_count']}/{n} = {r['argmax_agreement']:.1%}  "
          f"[{verdict}]" + (f"  ({r['inputs_with_tied_max']} input(s) with a tied maximum)"
                            if r["inputs_with_tied_max"] else ""))
    for d in r["disagreements"]:
        ct, ca = d["tinytwin_argmax"], d["armnn_argmax"]
        t, a = d["tinytwin_values"], d["armnn_values"]
        print(f"     input {d['input']}: tinytwin picks class {ct} (class {ct} = {t[0]}, "
              f"class {ca} = {t[1]}), Arm NN class {ca} (class {ct} = {a[0]}, "
              f"class {ca} = {a[1]})")
    print(f"   exact outputs     {r['exact_count']}/{n} = {r['exact_rate']:.1%}")
    print(f"   |diff| in LSBs    max {r['max_lsb']}, mean {r['mean_lsb']:.3f}, median of "
          f"per-input max {r['median_input_max_lsb']:g} (output scale {r['output_scale']:.6g}, "
          f"zero point {r['output_zero_point']})")
    total = r["elements"]
    cells = "  ".join(f"{k}: {v} ({v / total:.1%})" for k, v in r["histogram"].items())
    print(f"   histogram         {cells}   of {total} elements")
    print(f"   time              Arm NN {r['armnn_seconds']:.1f} s, tinytwin "
          f"{r['tinytwin_seconds']:.1f} s")
    for m in r["optimize_messages"]:
        print(f"   Arm NN optimizer: {m}")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tinytwin", required=True, help="the tinytwin executable")
    ap.add_argument("--models", nargs="+", help="models to check (default: see --help)")
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"),
                    help="the shared folder holding models/mlperf-tiny")
    ap.add_argument("--inputs", type=int, default=100, help="random inputs per model")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--min-agreement", type=float, default=0.95)
    ap.add_argument("--json-report", help="write the per-model results as JSON here")
    args = ap.parse_args(argv)
    if args.inputs < 1:
        ap.error("--inputs must be at least 1")

    if not (os.path.isfile(args.tinytwin) and os.access(args.tinytwin, os.X_OK)):
        print(f"error: {args.tinytwin} is not an executable file", file=sys.stderr)
        return 1
    args.tinytwin = os.path.abspath(args.tinytwin)
    try:
        ann = import_pyarmnn()
    except ImportError as e:
        print(f"error: cannot import pyarmnn ({e}); install python3-pyarmnn and run this with "
              "/usr/bin/python3", file=sys.stderr)
        return 2

    paths = args.models if args.models else default_models(os.path.normpath(args.shared))
    if not paths:
        print("no models to check")
        return 0
    print(f"Arm NN {ann.ARMNN_VERSION} ({BACKEND}) vs {args.tinytwin}: {args.inputs} random "
          f"int8 inputs per model, seed {args.seed}")
    # One IRuntime for every model: this Arm NN build does not find the CpuRef backend
    # again in a second IRuntime of the same process.
    runtime = ann.IRuntime(ann.CreationOptions())
    reports = []
    with tempfile.TemporaryDirectory(prefix="armnn_check.") as workdir:
        for p in paths:
            r = check_model(ann, runtime, args, os.path.abspath(p), workdir)
            print_report(r, args.min_agreement)
            reports.append(r)

    failed = [r["model"] for r in reports
              if r["status"] in ("missing", "tinytwin_error")
              or (r["status"] == "compared" and not r["passed"])]
    skipped = [r["model"] for r in reports if r["status"] == "not_compared"]
    compared = sum(r["status"] == "compared" for r in reports)
    print(f"-- {compared} model(s) compared, {len(failed)} failed, {len(skipped)} not compared"
          + (f": {', '.join(skipped)}" if skipped else ""))
    if args.json_report:
        with open(args.json_report, "w") as f:
            json.dump({"armnn_version": ann.ARMNN_VERSION, "backend": BACKEND,
                       "inputs": args.inputs, "seed": args.seed,
                       "min_agreement": args.min_agreement, "models": reports}, f, indent=2)
            f.write("\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
