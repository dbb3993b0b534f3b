#!/usr/bin/python3
"""Generates the small int8 .tflite models of the whole-model conformance test.

Together they use every op TinyTwin imports, with the option varieties real models carry
(see MODELS below for what each covers). Everything is deterministic: fixed seeds, and
NumPy's PCG64 generator, whose stream NumPy keeps stable. Quantization is calibrated on the
values each op really computes (calibrated_graph.py), and the generator checks on a fresh
random input that every op's reference output uses at least 32 distinct values, so no model
is a saturated or constant one that would hide mistakes.

Usage: /usr/bin/python3 tools/pytflite/make_test_models.py [-v] OUT_DIR
"""

import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import model_reference as M  # noqa: E402
import tflite_read  # noqa: E402
from calibrated_graph import CalibratedGraph  # noqa: E402

MIN_DISTINCT = 32
MAX_BYTES = 50 * 1024


def conv_quantize_io():
    """float32 input -> QUANTIZE (scale 1/32, so half-step ties are exact); CONV_2D:
    3x3 SAME + RELU, 3x3 VALID stride 2 + RELU6, 3x3 SAME dilation 2, 2x2 SAME stride 2 with
    a per-tensor filter (asymmetric padding), 5x3 SAME stride (2, 1), 1x1 VALID;
    DEQUANTIZE -> float32 output."""
    g = CalibratedGraph("conv_quantize_io", seed=101)
    x = g.input_float((1, 16, 16, 3), 1.0 / 32, -7)
    x = g.conv(x, 8, (3, 3), act="RELU")
    x = g.conv(x, 12, (3, 3), stride=(2, 2), padding="VALID", act="RELU6")
    x = g.conv(x, 12, (3, 3), dilation=(2, 2))
    x = g.conv(x, 16, (2, 2), stride=(2, 2), per_channel=False, act="RELU", target=0.03)
    x = g.conv(x, 16, (5, 3), stride=(2, 1))
    x = g.conv(x, 24, (1, 1), padding="VALID", target=0.08)
    return g, [g.dequantize(x)]


def depthwise_variants():
    """DEPTHWISE_CONV_2D: 3x3 SAME multiplier 1 + RELU, 3x3 VALID stride 2 multiplier 2,
    5x3 SAME + RELU6, 3x3 SAME dilation 2 multiplier 2."""
    g = CalibratedGraph("depthwise_variants", seed=202)
    x = g.input_int8((1, 12, 12, 6), 0.05, 3)
    x = g.depthwise(x, 1, (3, 3), act="RELU")
    x = g.depthwise(x, 2, (3, 3), stride=(2, 2), padding="VALID")
    x = g.depthwise(x, 1, (5, 3), act="RELU6")
    x = g.depthwise(x, 2, (3, 3), dilation=(2, 2), target=0.08)
    return g, [x]


def fc_softmax():
    """FULLY_CONNECTED straight on a 4-D input (flattened to [1, 128]) with bias + RELU, then
    one without bias; RESHAPE to rows; SOFTMAX beta 1 over the last axis of [1, 8, 16]."""
    g = CalibratedGraph("fc_softmax", seed=303)
    x = g.input_int8((1, 4, 4, 8), 0.04, -20)
    x = g.fully_connected(x, 128, act="RELU", depth=128)
    x = g.fully_connected(x, 128, bias=False, target=0.03)
    x = g.reshape(x, (1, 8, 16))
    return g, [g.softmax(x, 1.0)]


def fc_keep_dims_softmax_beta():
    """FULLY_CONNECTED per-channel with keep_num_dims (3-D in and out) + RELU6, then a
    per-tensor one on that 3-D input without keep_num_dims (flattens to [batches, units]);
    SOFTMAX beta 0.5."""
    g = CalibratedGraph("fc_keep_dims_softmax_beta", seed=404)
    x = g.input_int8((1, 4, 24), 0.06, 10)
    x = g.fully_connected(x, 32, act="RELU6", per_channel=True, keep_num_dims=True)
    x = g.fully_connected(x, 48, bias=False, target=0.06)
    x = g.reshape(x, (1, 12, 16))
    return g, [g.softmax(x, 0.5)]


def pool_mean_logistic():
    """AVERAGE_POOL_2D 3x3 SAME stride 2 (edge windows shorter), MAX_POOL_2D 3x3 SAME
    stride 2 + RELU, MEAN over H, W with keep_dims, SQUEEZE, LOGISTIC."""
    g = CalibratedGraph("pool_mean_logistic", seed=505)
    x = g.input_int8((1, 15, 15, 8), 0.05, -4)
    x = g.pool(x, "avg", (3, 3), (2, 2))
    x = g.pool(x, "max", (3, 3), (2, 2), act="RELU")
    x = g.conv(x, 64, (1, 1), padding="VALID", target=0.03)
    x = g.mean(x, [1, 2], keep_dims=True)
    x = g.squeeze(x, [1, 2])
    return g, [g.logistic(x)]


def se_block_add_mul():
    """A squeeze-and-excitation block: MEAN over H, W without keep_dims, FULLY_CONNECTED,
    RESHAPE to [1, 1, 1, C], LOGISTIC, MUL broadcast over H, W, ADD broadcast + RELU, ADD of
    equal shapes."""
    g = CalibratedGraph("se_block_add_mul", seed=606)
    x = g.input_int8((1, 8, 8, 16), 0.08, 0)
    a = g.conv(x, 64, (3, 3), act="RELU")
    m = g.mean(a, [1, 2], keep_dims=False)
    h = g.fully_connected(m, 64, act="NONE", target=0.03)
    h = g.reshape(h, (1, 1, 1, 64))
    s = g.logistic(h)
    y = g.elementwise("MUL", a, s)
    y = g.elementwise("ADD", y, h, act="RELU")
    return g, [g.elementwise("ADD", y, a)]


def shape_ops_activations():
    """PAD (asymmetric), standalone RELU (requantizing) and RELU6, QUANTIZE int8 -> int8,
    CONCATENATION on the channel and H axes, RESHAPE, SQUEEZE."""
    g = CalibratedGraph("shape_ops_activations", seed=707)
    x = g.input_int8((1, 6, 6, 8), 0.04, -10)
    x = g.pad(x, [[0, 0], [1, 1], [2, 1], [0, 0]])
    c = g.conv(x, 16, (3, 3), target=0.07)
    r = g.relu(c)
    r6 = g.relu6(c)
    s, zp = g.quant[r]
    q6 = g.requantize(r6, s, zp)
    k = g.concatenation([r, q6], axis=3)
    j = g.conv(k, 32, (1, 1), act="RELU")
    j = g.requantize(j, s, zp)
    y = g.concatenation([k, j], axis=1)
    y = g.reshape(y, (1, 16, 1, 288))
    return g, [g.squeeze(y, [2])]


def softmax_rows():
    """SOFTMAX beta 1 directly on a model input, per pixel over channels ([1, 4, 4, 20])."""
    g = CalibratedGraph("softmax_rows", seed=808)
    x = g.input_int8((1, 4, 4, 20), 0.025, 5)
    return g, [g.softmax(x, 1.0)]


def wide_range_softmax_logistic():
    """Inputs wide enough that SOFTMAX drops entries below diff_min and LOGISTIC saturates
    beyond its input radius on both sides; one input feeding two ops, two model outputs."""
    g = CalibratedGraph("wide_range_softmax_logistic", seed=909)
    x = g.input_int8((1, 8, 8, 20), 0.15, -3)
    return g, [g.softmax(x, 1.0), g.logistic(x)]


MODELS = [conv_quantize_io, depthwise_variants, fc_softmax, fc_keep_dims_softmax_beta,
          pool_mean_logistic, se_block_add_mul, shape_ops_activations, softmax_rows,
          wide_range_softmax_logistic]


def check_model(name, data, seed, verbose=False):
    """Reads the written model back and checks every op's output on a fresh random input."""
    if len(data) >= MAX_BYTES:
        raise AssertionError(f"{name}: {len(data)} bytes >= {MAX_BYTES}")
    model = tflite_read.read_model(data)
    result = M.run_model(model, M.random_inputs(model, np.random.default_rng(seed)))
    ops = []
    for op in model.operators:
        y = result.op_outputs[op.index]
        distinct = len(np.unique(y))
        if distinct < MIN_DISTINCT:
            raise AssertionError(f"{name}: op {op.index} {op.op} output uses only {distinct} "
                                 f"distinct values (< {MIN_DISTINCT})")
        ops.append(op.op)
        if verbose:
            print(f"  op {op.index:<2} {op.op:<18} {list(y.shape)} {distinct} distinct")
    return ops


def main(argv):
    verbose = "-v" in argv
    argv = [a for a in argv if a != "-v"]
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    out_dir = argv[1]
    os.makedirs(out_dir, exist_ok=True)
    covered = set()
    for i, build in enumerate(MODELS):
        graph, outputs = build()
        data = graph.finish(outputs)
        ops = check_model(build.__name__, data, seed=9000 + i, verbose=verbose)
        covered.update(ops)
        path = os.path.join(out_dir, build.__name__ + ".tflite")
        with open(path, "wb") as f:
            f.write(data)
        print(f"{path}: {len(data)} bytes, {len(ops)} ops")
    missing = sorted(set(M.OPS) - covered)
    if missing:
        raise AssertionError(f"ops not covered by any model: {missing}")
    print(f"{len(MODELS)} models cover all {len(M.OPS)} supported ops")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
