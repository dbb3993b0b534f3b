"""Post-training int8 quantization and .tflite export of a small layer list ("IR").

The training scripts describe a trained network as a list of layers (BatchNorm already
folded) with PyTorch weight layouts; this module
  1. runs the float network on calibration data and records every layer output's range,
  2. quantizes per the TFLite int8 spec: symmetric per-channel int8 weights for CONV_2D /
     DEPTHWISE_CONV_2D, symmetric per-tensor int8 weights for FULLY_CONNECTED, int32 biases
     at input_scale * weight_scale, asymmetric int8 activations from the observed min/max
     (always including 0), MAX/AVERAGE_POOL and RESHAPE keeping their input's quantization,
     SOFTMAX output at scale 1/256, zero point -128,
  3. writes the .tflite with our own flatbuffers writer (tools/pytflite/tflite_write.py).

IR layers (dicts, in execution order; activations NCHW during calibration):
  {"op": "conv",   "w": [Cout,Cin,KH,KW], "b": [Cout], "stride": (sh, sw), "act": "RELU"|"NONE"}
  {"op": "dwconv", "w": [C,1,KH,KW],       "b": [C],    "stride": (sh, sw), "act": ...}
  {"op": "maxpool", "kernel": k, "stride": s}            (SAME padding)
  {"op": "avgpool", "kernel": (kh, kw)}                  (VALID, stride = kernel)
  {"op": "flatten"}  {"op": "fc", "w": [out,in], "b": [out], "act": ...}  {"op": "softmax"}
Convs and pools use TFLite SAME padding (layers.pad_same), exactly as in training.
"""

import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pytflite"))
import tflite_write  # noqa: E402

from layers import max_pool_same, pad_same  # noqa: E402

_ACTIVATIONS = {"RELU": F.relu, "NONE": lambda x: x}


def forward_layer(layer, x):
    """One IR layer in float64 on an NCHW (or [N, features]) tensor."""
    op = layer["op"]
    if op in ("conv", "dwconv"):
        w = torch.from_numpy(layer["w"])
        kernel = tuple(w.shape[2:])
        x = pad_same(x, kernel, layer["stride"])
        groups = x.shape[1] if op == "dwconv" else 1
        x = F.conv2d(x, w, torch.from_numpy(layer["b"]), layer["stride"], groups=groups)
        return _ACTIVATIONS[layer["act"]](x)
    if op == "maxpool":
        return max_pool_same(x, layer["kernel"], layer["stride"])
    if op == "avgpool":
        return F.avg_pool2d(x, layer["kernel"], layer["kernel"])
    if op == "flatten":
        return x.reshape(x.shape[0], -1)
    if op == "fc":
        x = F.linear(x, torch.from_numpy(layer["w"]), torch.from_numpy(layer["b"]))
        return _ACTIVATIONS[layer["act"]](x)
    if op == "softmax":
        return F.softmax(x, dim=1)
    raise ValueError(f"unknown IR op {op!r}")


def calibrate(ir, batches):
    """Per layer output: (min, max) over the calibration batches (float64 NCHW tensors)."""
    ranges = [[np.inf, -np.inf] for _ in ir]
    with torch.no_grad():
        for x in batches:
            x = x.double()
            for i, layer in enumerate(ir):
                x = forward_layer(layer, x)
                ranges[i][0] = min(ranges[i][0], float(x.min()))
                ranges[i][1] = max(ranges[i][1], float(x.max()))
    return ranges


def quant_from_range(rmin, rmax):
    """Asymmetric int8 (scale, zero point) covering [min(rmin, 0), max(rmax, 0)]."""
    rmin, rmax = min(rmin, 0.0), max(rmax, 0.0)
    scale = float(np.float32(max(rmax - rmin, 1e-6) / 255.0))
    zp = int(np.clip(np.round(-128 - rmin / scale), -128, 127))
    return scale, zp


def _symmetric(w, axis_keep):
    """Symmetric int8 quantization; scales per index of axis_keep (None: per tensor)."""
    if axis_keep is None:
        scales = np.array([max(np.abs(w).max(), 1e-12) / 127.0])
        q = np.round(w / scales[0])
    else:
        reduce = tuple(a for a in range(w.ndim) if a != axis_keep)
        scales = np.maximum(np.abs(w).max(axis=reduce), 1e-12) / 127.0
        shape = [1] * w.ndim
        shape[axis_keep] = -1
        q = np.round(w / scales.reshape(shape))
    scales = scales.astype(np.float32)
    return np.clip(q, -127, 127).astype(np.int8), scales


def _bias(b, in_scale, w_scales):
    real_scales = np.float64(in_scale) * w_scales.astype(np.float64)
    return np.round(b / real_scales).astype(np.int32)


def export(ir, input_shape_nchw, input_quant, ranges, description):
    """.tflite bytes of the int8 network. input_shape_nchw: one sample's (C, H, W) or
    (features,); input_quant: (scale, zero point) of the int8 input."""
    mb = tflite_write.ModelBuilder(description)
    if len(input_shape_nchw) == 3:
        c, h, w = input_shape_nchw
        shape = [1, h, w, c]
    else:
        shape = [1, input_shape_nchw[0]]
    x = mb.add_tensor("input", shape, "int8", scale=input_quant[0], zero_point=input_quant[1])
    mb.set_inputs([x])
    quant = input_quant
    chw = None  # the (C, H, W) a flatten saw, until the fully connected layer after it
    for i, layer in enumerate(ir):
        op, name = layer["op"], f"layer{i}_{layer['op']}"
        out_quant = quant_from_range(*ranges[i])
        if op in ("conv", "dwconv"):
            w = layer["w"]
            if op == "conv":
                wq, ws = _symmetric(w.transpose(0, 2, 3, 1), 0)  # [Cout,KH,KW,Cin]
                qdim = 0
            else:
                wq, ws = _symmetric(w.transpose(1, 2, 3, 0), 3)  # [1,KH,KW,C]
                qdim = 3
            wt = mb.add_constant(name + "/weights", wq, scale=ws, zero_point=np.zeros_like(
                ws, np.int64), quantized_dimension=qdim)
            bt = mb.add_constant(name + "/bias", _bias(layer["b"], quant[0], ws),
                                 scale=(np.float64(quant[0]) * ws).astype(np.float32),
                                 zero_point=np.zeros_like(ws, np.int64))
            sh, sw = layer["stride"]
            oh, ow = (shape[1] + sh - 1) // sh, (shape[2] + sw - 1) // sw
            shape = [1, oh, ow, w.shape[0]]
            y = mb.add_tensor(name, shape, "int8", scale=out_quant[0], zero_point=out_quant[1])
            options = dict(padding="SAME", stride_h=sh, stride_w=sw,
                           fused_activation_function=layer["act"])
            if op == "conv":
                mb.add_op("CONV_2D", [x, wt, bt], [y], version=3, **options)
            else:
                mb.add_op("DEPTHWISE_CONV_2D", [x, wt, bt], [y], version=3, depth_multiplier=1,
                          **options)
        elif op in ("maxpool", "avgpool"):
            if op == "maxpool":
                k = (layer["kernel"],) * 2
                s = (layer["stride"],) * 2
                shape = [1, (shape[1] + s[0] - 1) // s[0], (shape[2] + s[1] - 1) // s[1], shape[3]]
                padding = "SAME"
            else:
                k = s = tuple(layer["kernel"])
                shape = [1, shape[1] // k[0], shape[2] // k[1], shape[3]]
                padding = "VALID"
            out_quant = quant  # TFLite int8 pools keep their input's quantization
            y = mb.add_tensor(name, shape, "int8", scale=quant[0], zero_point=quant[1])
            mb.add_op("MAX_POOL_2D" if op == "maxpool" else "AVERAGE_POOL_2D", [x], [y],
                      version=2, padding=padding, stride_h=s[0], stride_w=s[1],
                      filter_height=k[0], filter_width=k[1])
        elif op == "flatten":
            out_quant = quant
            chw = (shape[3], shape[1], shape[2]) if len(shape) == 4 else None
            shape = [1, int(np.prod(shape[1:]))]
            st = mb.add_constant(name + "/shape", np.array(shape, np.int32))
            y = mb.add_tensor(name, shape, "int8", scale=quant[0], zero_point=quant[1])
            mb.add_op("RESHAPE", [x, st], [y], new_shape=shape)
        elif op == "fc":
            w = layer["w"]
            if chw is not None:
                # PyTorch flattened C,H,W; TFLite flattens H,W,C: permute the columns.
                c, h, ww = chw
                w = w.reshape(w.shape[0], c, h, ww).transpose(0, 2, 3, 1).reshape(w.shape[0], -1)
                chw = None
            wq, ws = _symmetric(w, None)
            wt = mb.add_constant(name + "/weights", wq, scale=ws, zero_point=0)
            bt = mb.add_constant(name + "/bias", _bias(layer["b"], quant[0], ws),
                                 scale=float(np.float64(quant[0]) * ws[0]), zero_point=0)
            shape = [1, w.shape[0]]
            y = mb.add_tensor(name, shape, "int8", scale=out_quant[0], zero_point=out_quant[1])
            mb.add_op("FULLY_CONNECTED", [x, wt, bt], [y], version=4,
                      fused_activation_function=layer["act"])
        elif op == "softmax":
            out_quant = (1.0 / 256.0, -128)
            y = mb.add_tensor(name, shape, "int8", scale=out_quant[0], zero_point=out_quant[1])
            mb.add_op("SOFTMAX", [x], [y], version=2, beta=1.0)
        else:
            raise ValueError(f"unknown IR op {op!r}")
        x, quant = y, out_quant
    mb.set_outputs([x])
    return mb.finish()
