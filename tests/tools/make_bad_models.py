#!/usr/bin/python3
"""Writes the small models of cli_bad_input.sh with tools/pytflite/tflite_write.py:

  good.tflite            int8 [1,8,8,3] -> AVERAGE_POOL_2D 2x2/2 -> int8 [1,4,4,3]
  unsupported_op.tflite  the same with TANH, which TinyTwin does not import
  bad_scale.tflite       good.tflite with its input scale set to -0.5 (the importer checks
                         each tensor's quantization before the operators that use it)
  bad_zero_point.tflite  good.tflite with its input zero point 1000 (int8 holds -128..127)
  huge_dilation.tflite   CONV_2D 3x3 SAME with a dilation of 1610612738 (once an int32
                         overflow in the compiler's padding arithmetic)
  mean_squeezed.tflite   a valid MEAN over H and W without keep_dims (once a heap overflow in
                         the compiler, which adds a tensor for the kept-dims shape)

ModelBuilder refuses a scale <= 0, so bad_scale.tflite is written with a marker scale whose
four bytes are then replaced. Exit 77 when tflite_write cannot be imported.

Usage: /usr/bin/python3 tests/tools/make_bad_models.py OUT_DIR
"""

import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools", "pytflite"))
try:
    from tflite_write import ModelBuilder  # noqa: E402
except ImportError as e:  # the writer or its dependencies (numpy, flatbuffers) are missing
    print(f"make_bad_models: cannot import tflite_write: {e}", file=sys.stderr)
    sys.exit(77)

MARKER_SCALE = 0.0123456789


def pool_model(op="AVERAGE_POOL_2D", in_scale=0.05, in_zero_point=-3):
    mb = ModelBuilder()
    x = mb.add_tensor("x", [1, 8, 8, 3], "int8", scale=in_scale, zero_point=in_zero_point)
    if op == "TANH":
        y = mb.add_tensor("y", [1, 8, 8, 3], "int8", scale=1.0 / 128, zero_point=0)
        mb.add_op("TANH", [x], [y])
    else:
        y = mb.add_tensor("y", [1, 4, 4, 3], "int8", scale=0.05, zero_point=-3)
        mb.add_op(op, [x], [y], padding="VALID", stride_w=2, stride_h=2, filter_width=2,
                  filter_height=2)
    mb.set_inputs([x])
    mb.set_outputs([y])
    return mb.finish()


def conv_model(dilation):
    import numpy as np
    mb = ModelBuilder()
    x = mb.add_tensor("x", [1, 8, 8, 3], "int8", scale=0.05, zero_point=-3)
    w = mb.add_constant("w", np.ones((4, 3, 3, 3), np.int8), scale=[0.01] * 4,
                        quantized_dimension=0)
    b = mb.add_constant("b", np.zeros(4, np.int32), scale=[0.0005] * 4)
    y = mb.add_tensor("y", [1, 8, 8, 4], "int8", scale=0.1, zero_point=0)
    mb.add_op("CONV_2D", [x, w, b], [y], padding="SAME", stride_w=1, stride_h=1,
              dilation_w_factor=1, dilation_h_factor=dilation)
    mb.set_inputs([x])
    mb.set_outputs([y])
    return mb.finish()


def mean_model():
    import numpy as np
    mb = ModelBuilder()
    x = mb.add_tensor("x", [1, 8, 8, 3], "int8", scale=0.05, zero_point=-3)
    axes = mb.add_constant("axes", np.array([1, 2], np.int32))
    y = mb.add_tensor("y", [1, 3], "int8", scale=0.05, zero_point=-3)
    mb.add_op("MEAN", [x, axes], [y], keep_dims=False)
    mb.set_inputs([x])
    mb.set_outputs([y])
    return mb.finish()


def with_scale_replaced(data, new_scale):
    marker = struct.pack("<f", MARKER_SCALE)
    if data.count(marker) != 1:
        raise SystemExit("make_bad_models: marker scale not unique in the model")
    return data.replace(marker, struct.pack("<f", new_scale))


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = argv[1]
    os.makedirs(out, exist_ok=True)
    models = {
        "good.tflite": pool_model(),
        "unsupported_op.tflite": pool_model("TANH"),
        "bad_scale.tflite": with_scale_replaced(pool_model(in_scale=MARKER_SCALE), -0.5),
        "bad_zero_point.tflite": pool_model(in_zero_point=1000),
        "huge_dilation.tflite": conv_model(1610612738),
        "mean_squeezed.tflite": mean_model(),
    }
    for name, data in models.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
