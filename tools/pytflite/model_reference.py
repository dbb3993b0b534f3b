"""Runs a whole int8 .tflite model in NumPy with TFLite's int8 reference semantics.

This is the oracle of the whole-model conformance test (tests/conformance): it executes every
operator of subgraph 0 in order with tools/golden/int8_reference.py, deriving each op's
quantization parameters from the float32 scales in the file exactly as the TFLite/TFLM
Prepare() functions do (the comment of each op says which). It never looks at our C++.

    result = run_model(read_model("m.tflite"), [x])
    result.outputs            # one array per subgraph output (int8, or float32 after DEQUANTIZE)
    result.op_outputs[k]      # the output of operator k (TFLite subgraph order)

Two places where TFLite and TFLM (or their versions) differ, and the choice made here:
  * RELU6 with different input/output quantization: TFLM clamps the input to
    [zp_in, zp_in + round(6 / s_in)] without requantizing; TFLite (and this module)
    requantizes like RELU with upper bound zp_out + round(6 / s_out). Identical when the
    input and output quantization are equal, which the converter always produces.
  * MEAN int8: TFLite's QuantizedMeanOrSum (1/count folded into the multiplier), which
    TFLM has used for every int8 MEAN since 2023.
"""

import dataclasses
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "golden"))
import int8_reference as ref  # noqa: E402


class UnsupportedModelError(ValueError):
    """The model uses an op, type or option this reference does not implement."""


@dataclasses.dataclass
class Result:
    outputs: list  # arrays of the subgraph outputs, in order
    op_outputs: dict  # operator index -> its (first) output array
    values: dict  # tensor index -> array, every tensor computed or given


# ------------------------------------------------------------------------------------------
# Parameter derivations that int8_reference.py does not already provide.
# ------------------------------------------------------------------------------------------


def activation_range(activation, scale, zero_point):
    """TFLite CalculateActivationRangeQuantized for int8 outputs: the float bounds quantized
    as zero_point + TfLiteRound(f / scale), the division and the rounding in float32."""
    def q(f):
        tmp = np.float32(f) / np.float32(scale)
        return int(zero_point) + ref.round_half_away_from_zero(float(tmp))
    lo, hi = ref.INT8_MIN, ref.INT8_MAX
    if activation in (None, "NONE"):
        return lo, hi
    if activation == "RELU":
        return max(lo, q(0.0)), hi
    if activation == "RELU6":
        return max(lo, q(0.0)), min(hi, q(6.0))
    if activation == "RELU_N1_TO_1":
        return max(lo, q(-1.0)), min(hi, q(1.0))
    raise UnsupportedModelError(f"fused activation {activation}")


def conv_multipliers(input_scale, filter_scales, output_scale, channels):
    """PopulateConvolutionQuantizationParams (conv, depthwise, per-channel FC):
    double(s_in) * double(s_filter[c]) / double(s_out) -> QuantizeMultiplier, a per-tensor
    filter scale broadcast over the output channels."""
    fs = np.asarray(filter_scales, dtype=np.float32).reshape(-1)
    if fs.size == 1:
        fs = np.repeat(fs, channels)
    if fs.size != channels:
        raise UnsupportedModelError(f"{fs.size} filter scales for {channels} channels")
    return ref.per_channel_multipliers(input_scale, fs, output_scale)


def fc_per_tensor_multiplier(input_scale, filter_scale, output_scale):
    """GetQuantizedConvolutionMultipler (per-tensor FULLY_CONNECTED): the product
    s_in * s_filter is taken in float32, widened, then divided by double(s_out)."""
    product = np.float32(input_scale) * np.float32(filter_scale)
    return ref.quantize_multiplier(float(product) / float(np.float32(output_scale)))


def relu_multiplier(input_scale, output_scale):
    """TFLite/TFLM ReluPrepare: double(s_in / s_out) with the division in float32."""
    return ref.quantize_multiplier(float(np.float32(input_scale) / np.float32(output_scale)))


# ------------------------------------------------------------------------------------------
# Helpers.
# ------------------------------------------------------------------------------------------


def _quant(t):
    if t.quantization is None:
        raise UnsupportedModelError(f"tensor {t.index} '{t.name}' ({t.type}) has no "
                                    "quantization parameters")
    return np.float32(t.scale), t.zero_point


def _require_int8(*tensors):
    for t in tensors:
        if t.type != "INT8":
            raise UnsupportedModelError(f"tensor {t.index} '{t.name}' is {t.type}, expected INT8")


def _require_same_quant(op, a, b):
    if a.quantization is None or b.quantization is None or \
            np.float32(a.scale) != np.float32(b.scale) or a.zero_point != b.zero_point:
        raise UnsupportedModelError(
            f"op {op.index} {op.op}: tensors {a.index} and {b.index} must share scale and zero "
            f"point (TFLM requires it), got ({a.scale}, {a.zero_point}) and "
            f"({b.scale}, {b.zero_point})")


def _const(model, index, what):
    t = model.tensors[index]
    if t.data is None:
        raise UnsupportedModelError(f"{what}: tensor {index} '{t.name}' must be constant")
    return t.data


def _padding(options, in_hw, filter_hw, stride, dilation, out_hw):
    """(pad_top, pad_left) per TFLite's ComputePaddingHeightWidth; checks the model's output
    size against ComputeOutSize."""
    pads = []
    for i in range(2):
        if options["padding"] == "SAME":
            expect, pad = ref.same_padding(in_hw[i], filter_hw[i], stride[i], dilation[i])
        elif options["padding"] == "VALID":
            expect, pad = ref.valid_padding(in_hw[i], filter_hw[i], stride[i], dilation[i])
        else:
            raise UnsupportedModelError(f"padding {options['padding']}")
        if expect != out_hw[i]:
            raise UnsupportedModelError(f"output size {out_hw[i]} but {options['padding']} "
                                        f"padding gives {expect}")
        pads.append(pad)
    return pads[0], pads[1]


def _stride_dilation(options):
    stride = (options["stride_h"], options["stride_w"])
    dilation = (options.get("dilation_h_factor", 1), options.get("dilation_w_factor", 1))
    if min(stride) < 1 or min(dilation) < 1:
        raise UnsupportedModelError(f"stride {stride} / dilation {dilation}")
    return stride, dilation


def _to_4d(a):
    a = np.asarray(a)
    if a.ndim > 4:
        raise UnsupportedModelError(f"rank {a.ndim} > 4")
    return a.reshape((1,) * (4 - a.ndim) + a.shape)


# ------------------------------------------------------------------------------------------
# Operators: f(model, op, values) -> output array (shaped like the op's output tensor).
# ------------------------------------------------------------------------------------------


def _conv_2d(model, op, v):
    x_t, w_t, y_t = model.tensors[op.inputs[0]], model.tensors[op.inputs[1]], \
        model.tensors[op.outputs[0]]
    _require_int8(x_t, w_t, y_t)
    o = op.options
    w = _const(model, op.inputs[1], "CONV_2D filter")
    bias = _const(model, op.inputs[2], "CONV_2D bias") if len(op.inputs) > 2 and \
        op.inputs[2] >= 0 else None
    stride, dilation = _stride_dilation(o)
    out_hw = y_t.shape[1:3]
    pad_top, pad_left = _padding(o, x_t.shape[1:3], w.shape[1:3], stride, dilation, out_hw)
    s_in, zp_in = _quant(x_t)
    s_out, zp_out = _quant(y_t)
    m, sh = conv_multipliers(s_in, w_t.quantization.scale, s_out, w.shape[0])
    lo, hi = activation_range(o["fused_activation_function"], s_out, zp_out)
    return ref.conv2d(v[op.inputs[0]], w, bias, input_zero_point=zp_in, output_zero_point=zp_out,
                      output_multipliers=m, output_shifts=sh, output_hw=out_hw, stride=stride,
                      dilation=dilation, pad_top=pad_top, pad_left=pad_left, act_min=lo,
                      act_max=hi)


def _depthwise_conv_2d(model, op, v):
    x_t, w_t, y_t = model.tensors[op.inputs[0]], model.tensors[op.inputs[1]], \
        model.tensors[op.outputs[0]]
    _require_int8(x_t, w_t, y_t)
    o = op.options
    w = _const(model, op.inputs[1], "DEPTHWISE_CONV_2D filter")
    bias = _const(model, op.inputs[2], "DEPTHWISE_CONV_2D bias") if len(op.inputs) > 2 and \
        op.inputs[2] >= 0 else None
    cin, cout = x_t.shape[3], w.shape[3]
    multiplier = o["depth_multiplier"]
    if cout != cin * multiplier:  # TFLM uses the option as stored; a mismatch is a bad model
        raise UnsupportedModelError(f"op {op.index}: depth_multiplier {multiplier} but "
                                    f"{cin} -> {cout} channels")
    stride, dilation = _stride_dilation(o)
    out_hw = y_t.shape[1:3]
    pad_top, pad_left = _padding(o, x_t.shape[1:3], w.shape[1:3], stride, dilation, out_hw)
    s_in, zp_in = _quant(x_t)
    s_out, zp_out = _quant(y_t)
    m, sh = conv_multipliers(s_in, w_t.quantization.scale, s_out, cout)
    lo, hi = activation_range(o["fused_activation_function"], s_out, zp_out)
    return ref.depthwise_conv2d(v[op.inputs[0]], w, bias, depth_multiplier=multiplier,
                                input_zero_point=zp_in, output_zero_point=zp_out,
                                output_multipliers=m, output_shifts=sh, output_hw=out_hw,
                                stride=stride, dilation=dilation, pad_top=pad_top,
                                pad_left=pad_left, act_min=lo, act_max=hi)


def _fully_connected(model, op, v):
    x_t, w_t, y_t = model.tensors[op.inputs[0]], model.tensors[op.inputs[1]], \
        model.tensors[op.outputs[0]]
    _require_int8(x_t, w_t, y_t)
    o = op.options
    if o.get("weights_format", "DEFAULT") != "DEFAULT":
        raise UnsupportedModelError(f"FULLY_CONNECTED weights_format {o['weights_format']}")
    w = _const(model, op.inputs[1], "FULLY_CONNECTED weights")
    if w_t.zero_point != 0:
        raise UnsupportedModelError("FULLY_CONNECTED weights must have zero point 0")
    bias = _const(model, op.inputs[2], "FULLY_CONNECTED bias") if len(op.inputs) > 2 and \
        op.inputs[2] >= 0 else None
    units, depth = w.shape
    x = v[op.inputs[0]]
    if x.size % depth:
        raise UnsupportedModelError(f"FULLY_CONNECTED input of {x.size} elements, depth {depth}")
    s_in, zp_in = _quant(x_t)
    s_out, zp_out = _quant(y_t)
    if w_t.quantization.per_channel:
        m, sh = conv_multipliers(s_in, w_t.quantization.scale, s_out, units)
    else:
        m1, s1 = fc_per_tensor_multiplier(s_in, w_t.scale, s_out)
        m, sh = np.array([m1]), np.array([s1])
    lo, hi = activation_range(o["fused_activation_function"], s_out, zp_out)
    y = ref.fully_connected(x.reshape(-1, depth), w, bias, input_zero_point=zp_in,
                            output_zero_point=zp_out, output_multipliers=m, output_shifts=sh,
                            act_min=lo, act_max=hi)
    if o.get("keep_num_dims"):
        return y.reshape(x.shape[:-1] + (units,))
    return y


def _pool(kind):
    def run(model, op, v):
        x_t, y_t = model.tensors[op.inputs[0]], model.tensors[op.outputs[0]]
        _require_int8(x_t, y_t)
        _require_same_quant(op, x_t, y_t)
        o = op.options
        stride = (o["stride_h"], o["stride_w"])
        filter_hw = (o["filter_height"], o["filter_width"])
        out_hw = y_t.shape[1:3]
        pad_top, pad_left = _padding(o, x_t.shape[1:3], filter_hw, stride, (1, 1), out_hw)
        s_out, zp_out = _quant(y_t)
        lo, hi = activation_range(o["fused_activation_function"], s_out, zp_out)
        fn = ref.avg_pool2d if kind == "avg" else ref.max_pool2d
        return fn(v[op.inputs[0]], filter_hw=filter_hw, stride=stride, pad_top=pad_top,
                  pad_left=pad_left, output_hw=out_hw, act_min=lo, act_max=hi)
    return run


def _elementwise(kind):
    def run(model, op, v):
        a_t, b_t, y_t = (model.tensors[i] for i in (op.inputs[0], op.inputs[1], op.outputs[0]))
        _require_int8(a_t, b_t, y_t)
        (sa, za), (sb, zb), (so, zo) = _quant(a_t), _quant(b_t), _quant(y_t)
        lo, hi = activation_range(op.options["fused_activation_function"], so, zo)
        a, b = v[op.inputs[0]], v[op.inputs[1]]
        rank = max(a.ndim, b.ndim)
        a4 = _to_4d(a.reshape((1,) * (rank - a.ndim) + a.shape))
        b4 = _to_4d(b.reshape((1,) * (rank - b.ndim) + b.shape))
        if kind == "add":
            p = ref.add_params(sa, za, sb, zb, so, zo)
            y = ref.add(a4, b4, act_min=lo, act_max=hi, **p)
        else:
            p = ref.mul_params(sa, za, sb, zb, so, zo)
            y = ref.mul(a4, b4, act_min=lo, act_max=hi, **p)
        return y.reshape(np.broadcast_shapes(a.shape, b.shape))
    return run


def _softmax(model, op, v):
    x_t, y_t = model.tensors[op.inputs[0]], model.tensors[op.outputs[0]]
    _require_int8(x_t, y_t)
    s_in, _ = _quant(x_t)
    s_out, zp_out = _quant(y_t)
    if zp_out != -128 or s_out != np.float32(1.0 / 256):  # TFLM SoftmaxPrepare requires both
        raise UnsupportedModelError(f"SOFTMAX output must be scale 1/256, zero point -128; got "
                                    f"{s_out}, {zp_out}")
    p = ref.softmax_params(s_in, op.options["beta"])
    return ref.softmax(v[op.inputs[0]], **p)


def _logistic(model, op, v):
    x_t, y_t = model.tensors[op.inputs[0]], model.tensors[op.outputs[0]]
    _require_int8(x_t, y_t)
    s_in, zp_in = _quant(x_t)
    s_out, zp_out = _quant(y_t)
    if zp_out != -128 or s_out != np.float32(1.0 / 256):  # the integer kernel's fixed output
        raise UnsupportedModelError(f"LOGISTIC output must be scale 1/256, zero point -128; "
                                    f"got {s_out}, {zp_out}")
    return ref.logistic(v[op.inputs[0]], **ref.logistic_params(s_in, zp_in))


def _relu(upper):
    def run(model, op, v):
        x_t, y_t = model.tensors[op.inputs[0]], model.tensors[op.outputs[0]]
        _require_int8(x_t, y_t)
        s_in, zp_in = _quant(x_t)
        s_out, zp_out = _quant(y_t)
        m, sh = relu_multiplier(s_in, s_out)
        lo, hi = activation_range("RELU" if upper is None else "RELU6", s_out, zp_out)
        acc = ref.multiply_by_quantized_multiplier_array(
            v[op.inputs[0]].astype(np.int64) - zp_in, m, sh) + zp_out
        return np.clip(acc, lo, hi).astype(np.int8)
    return run


def _reshape(model, op, v):
    x = v[op.inputs[0]]
    y_t = model.tensors[op.outputs[0]]
    if x.size != int(np.prod(y_t.shape)):
        raise UnsupportedModelError(f"op {op.index} {op.op}: {x.size} elements into "
                                    f"{list(y_t.shape)}")
    return x.reshape(y_t.shape)  # TFLite copies the bytes whatever the quantization


def _pad(model, op, v):
    x_t, y_t = model.tensors[op.inputs[0]], model.tensors[op.outputs[0]]
    _require_int8(x_t, y_t)
    paddings = np.asarray(_const(model, op.inputs[1], "PAD paddings")).astype(np.int64)
    x = v[op.inputs[0]]
    if paddings.shape != (x.ndim, 2):
        raise UnsupportedModelError(f"PAD paddings shape {paddings.shape} for rank {x.ndim}")
    # TFLM: int8 PAD copies the input bytes and fills with the output zero point.
    y = ref.pad(x, list(paddings[:, 0]), list(paddings[:, 1]), y_t.zero_point)
    if y.shape != tuple(y_t.shape):
        raise UnsupportedModelError(f"PAD gives {y.shape}, model says {list(y_t.shape)}")
    return y


def _concatenation(model, op, v):
    y_t = model.tensors[op.outputs[0]]
    for i in op.inputs:
        _require_int8(model.tensors[i])
        _require_same_quant(op, model.tensors[i], y_t)
    if op.options.get("fused_activation_function", "NONE") != "NONE":
        raise UnsupportedModelError("CONCATENATION with a fused activation")
    rank = len(y_t.shape)
    axis = op.options["axis"]
    axis = axis + rank if axis < 0 else axis
    return ref.concatenation([v[i] for i in op.inputs], axis)


def _mean(model, op, v):
    x_t, y_t = model.tensors[op.inputs[0]], model.tensors[op.outputs[0]]
    _require_int8(x_t, y_t)
    x = v[op.inputs[0]]
    axes = [int(a) + x.ndim if a < 0 else int(a)
            for a in np.asarray(_const(model, op.inputs[1], "MEAN axis")).reshape(-1)]
    s_in, zp_in = _quant(x_t)
    s_out, zp_out = _quant(y_t)
    m, sh = ref.quantize_multiplier(float(s_in) / float(s_out))  # PrepareMeanOrSumHelper
    y = ref.mean_folded(x, axes=axes, input_zero_point=zp_in, output_zero_point=zp_out,
                        multiplier=m, shift=sh)
    return y.reshape(y_t.shape)


def _quantize(model, op, v):
    x_t, y_t = model.tensors[op.inputs[0]], model.tensors[op.outputs[0]]
    _require_int8(y_t)
    if y_t.quantization.per_channel:
        raise UnsupportedModelError("per-channel QUANTIZE")
    s_out, zp_out = _quant(y_t)
    x = v[op.inputs[0]]
    if x_t.type == "FLOAT32":  # AffineQuantize: round(x / float(scale)) + zp, in float32
        return ref.quantize(x, scale=s_out, zero_point=zp_out)
    if x_t.type == "INT8":  # Requantize: QuantizeMultiplier(double(s_in) / double(s_out))
        s_in, zp_in = _quant(x_t)
        m, sh = ref.requantize_scales(s_in, s_out)
        return ref.requantize(x, input_zero_point=zp_in, output_zero_point=zp_out,
                              multiplier=m, shift=sh)
    raise UnsupportedModelError(f"QUANTIZE from {x_t.type}")


def _dequantize(model, op, v):
    x_t, y_t = model.tensors[op.inputs[0]], model.tensors[op.outputs[0]]
    _require_int8(x_t)
    if y_t.type != "FLOAT32":
        raise UnsupportedModelError(f"DEQUANTIZE to {y_t.type}")
    s_in, zp_in = _quant(x_t)
    return ref.dequantize(v[op.inputs[0]], scale=s_in, zero_point=zp_in)


OPS = {
    "CONV_2D": _conv_2d,
    "DEPTHWISE_CONV_2D": _depthwise_conv_2d,
    "FULLY_CONNECTED": _fully_connected,
    "AVERAGE_POOL_2D": _pool("avg"),
    "MAX_POOL_2D": _pool("max"),
    "ADD": _elementwise("add"),
    "MUL": _elementwise("mul"),
    "SOFTMAX": _softmax,
    "LOGISTIC": _logistic,
    "RELU": _relu(None),
    "RELU6": _relu(6.0),
    "RESHAPE": _reshape,
    "SQUEEZE": _reshape,
    "PAD": _pad,
    "CONCATENATION": _concatenation,
    "MEAN": _mean,
    "QUANTIZE": _quantize,
    "DEQUANTIZE": _dequantize,
}


def check_supported(model):
    """Raises UnsupportedModelError naming the first op this reference cannot run."""
    for op in model.operators:
        if op.op not in OPS:
            raise UnsupportedModelError(f"op {op.index} {op.op} is not supported")
        if len(op.outputs) != 1:
            raise UnsupportedModelError(f"op {op.index} {op.op} has {len(op.outputs)} outputs")


def _coerce_input(t, x):
    dtype = {"INT8": np.int8, "FLOAT32": np.float32}.get(t.type)
    if dtype is None:
        raise UnsupportedModelError(f"model input {t.index} is {t.type}")
    x = np.asarray(x)
    if x.dtype != dtype:
        raise ValueError(f"input '{t.name}' must be {np.dtype(dtype).name}, got {x.dtype}")
    if x.size != int(np.prod(t.shape)):
        raise ValueError(f"input '{t.name}' needs {int(np.prod(t.shape))} elements, "
                         f"got {x.size}")
    return x.reshape(t.shape)


def run_model(model, inputs):
    """Executes subgraph 0 on `inputs` (one array per subgraph input, int8 or float32 as the
    input tensor's type). Returns a Result with the outputs and every op's output."""
    check_supported(model)
    if len(inputs) != len(model.inputs):
        raise ValueError(f"model has {len(model.inputs)} inputs, got {len(inputs)}")
    values = {}
    for t in model.tensors:
        if t.data is not None:
            values[t.index] = t.data
    for index, x in zip(model.inputs, inputs):
        values[index] = _coerce_input(model.tensors[index], x)
    op_outputs = {}
    for op in model.operators:
        for i in op.inputs:
            if i >= 0 and i not in values:
                raise UnsupportedModelError(f"op {op.index} {op.op}: input tensor {i} is "
                                            "neither computed yet nor constant")
        try:
            y = OPS[op.op](model, op, values)
        except ref.OutOfSpecError as e:
            raise UnsupportedModelError(f"op {op.index} {op.op}: {e}") from e
        out_t = model.tensors[op.outputs[0]]
        if tuple(y.shape) != tuple(out_t.shape):
            if y.size != int(np.prod(out_t.shape)):
                raise UnsupportedModelError(f"op {op.index} {op.op}: result shape "
                                            f"{list(y.shape)}, model says {list(out_t.shape)}")
            y = y.reshape(out_t.shape)
        values[op.outputs[0]] = y
        op_outputs[op.index] = y
    return Result(outputs=[values[i] for i in model.outputs], op_outputs=op_outputs,
                  values=values)


def float_input(shape, scale, zero_point, rng):
    """Float32 values spanning about [-140, 140) quantization steps (so some saturate), one
    in eight on a half step, so QUANTIZE's rounding and clamping are exercised."""
    steps = rng.integers(-140, 140, size=shape) + np.where(rng.random(shape) < 0.125, 0.5,
                                                            rng.random(shape))
    return (float(np.float32(scale)) * (steps - int(zero_point))).astype(np.float32)


def random_inputs(model, rng):
    """One random array per subgraph input: uniform int8, or float32 scaled for the QUANTIZE
    that consumes a float input (or the input's own quantization when it has one)."""
    arrays = []
    for index in model.inputs:
        t = model.tensors[index]
        if t.type == "INT8":
            arrays.append(rng.integers(-128, 128, size=t.shape, dtype=np.int8))
            continue
        if t.type != "FLOAT32":
            raise UnsupportedModelError(f"input {index} '{t.name}' is {t.type}")
        q = t if t.quantization is not None else next(
            (model.tensors[op.outputs[0]] for op in model.operators
             if op.op == "QUANTIZE" and op.inputs[0] == index), None)
        if q is None or q.quantization is None:
            raise UnsupportedModelError(f"float input {index} '{t.name}' has no quantization "
                                        "to draw values for")
        arrays.append(float_input(t.shape, q.scale, q.zero_point, rng))
    return arrays
