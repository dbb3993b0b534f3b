"""Builds int8 test models whose quantization comes from the values they actually compute.

A converter picks every activation's scale and zero point from the range it observes on
calibration data; a test model with made-up scales instead saturates or uses a handful of
levels, and then hides bugs. CalibratedGraph does what a converter does: after each op it
serializes the model built so far (tflite_write), reads it back (tflite_read), runs it on a
few fixed calibration inputs with model_reference, and chooses the next op's weight scales
and output quantization from those values. Weight scales are chosen so the int32
accumulators of conv/FC span about `target * 255` in real units.
"""

import numpy as np

import model_reference as M
import tflite_read
import tflite_write

ref = M.ref


def quant_from_range(rmin, rmax):
    """Asymmetric int8 (scale, zero point) covering [min(rmin, 0), max(rmax, 0)]."""
    rmin, rmax = min(float(rmin), 0.0), max(float(rmax), 0.0)
    if rmax - rmin < 1e-6:
        rmax = rmin + 1e-3
    scale = np.float32((rmax - rmin) / 255.0)
    zp = int(np.clip(np.round(-128 - rmin / float(scale)), -128, 127))
    return scale, zp


def apply_activation(real, act):
    if act == "RELU":
        return np.maximum(real, 0.0)
    if act == "RELU6":
        return np.clip(real, 0.0, 6.0)
    assert act == "NONE", act
    return real


class CalibratedGraph:
    """One model under construction: add ops in execution order, then finish()."""

    def __init__(self, name, seed, calibration_inputs=4):
        self.name = name
        self.rng = np.random.default_rng(seed)
        self.mb = tflite_write.ModelBuilder(f"TinyTwin conformance model {name}")
        self.quant = {}  # tensor -> (scale float32, zero point)
        self.shape = {}
        self.n_calib = calibration_inputs
        self.inputs = []
        self.calib_inputs = [[] for _ in range(calibration_inputs)]
        self.values = [{} for _ in range(calibration_inputs)]
        self.count = 0

    # -- bookkeeping -----------------------------------------------------------------------

    def _name(self, what):
        self.count += 1
        return f"{self.name}/{what}_{self.count}"

    def _tensor(self, what, shape, scale, zp, dtype="int8"):
        if scale is None:
            t = self.mb.add_tensor(self._name(what), shape, dtype)
        else:
            t = self.mb.add_tensor(self._name(what), shape, dtype, scale=scale, zero_point=zp)
            self.quant[t] = (np.float32(scale), int(zp))
        self.shape[t] = tuple(shape)
        return t

    def _rerun(self, output):
        """Serializes the graph with `output` as its output and runs it on the calibration
        inputs, refreshing every tensor's calibration values."""
        self.mb.set_inputs(self.inputs)
        self.mb.set_outputs([output])
        model = tflite_read.read_model(self.mb.finish())
        for i in range(self.n_calib):
            self.values[i] = M.run_model(model, self.calib_inputs[i]).values

    def _emit(self, op, inputs, out_shape, scale, zp, dtype="int8", **options):
        t = self._tensor(op.lower(), out_shape, scale, zp, dtype)
        self.mb.add_op(op, inputs, [t], **options)
        self._rerun(t)
        return t

    def vals(self, t):
        """The calibration values of tensor t, stacked along a new leading axis."""
        return np.stack([v[t] for v in self.values])

    def real(self, t):
        s, zp = self.quant[t]
        return (self.vals(t).astype(np.float64) - zp) * float(s)

    # -- inputs ----------------------------------------------------------------------------

    def input_int8(self, shape, scale, zp):
        t = self._tensor("input", shape, scale, zp)
        self.inputs.append(t)
        for i in range(self.n_calib):
            x = self.rng.integers(-128, 128, size=shape, dtype=np.int8)
            self.calib_inputs[i].append(x)
            self.values[i][t] = x
        return t

    def input_float(self, shape, scale, zp):
        """A float32 model input followed by QUANTIZE to int8 (scale, zp)."""
        f = self._tensor("input_float", shape, None, None, "float32")
        self.inputs.append(f)
        for i in range(self.n_calib):
            self.calib_inputs[i].append(M.float_input(shape, scale, zp, self.rng))
        return self._emit("QUANTIZE", [f], shape, scale, zp)

    # -- weight ops ------------------------------------------------------------------------

    def _weights(self, shape, channel_axis):
        """Random int8 weights; channels get different magnitudes, as trained layers do."""
        w = self.rng.integers(-127, 128, size=shape).astype(np.float64)
        mag = self.rng.uniform(0.25, 1.0, size=shape[channel_axis])
        bshape = [1] * len(shape)
        bshape[channel_axis] = shape[channel_axis]
        return np.clip(np.round(w * mag.reshape(bshape)), -127, 127).astype(np.int8)

    def _weight_scales(self, s_in, acc, per_channel, target):
        """Filter scales putting each channel's accumulator range on ~target * 255 real."""
        flat = np.abs(acc.reshape(-1, acc.shape[-1]))
        # 2 * max|acc| (not max - min): a channel's offset counts, as it does in the output.
        span = 2.0 * np.maximum(flat.max(axis=0) if per_channel else flat.max(), 1.0)
        span = np.broadcast_to(span, (acc.shape[-1] if per_channel else 1,))
        scales = target * 255.0 / (float(s_in) * span) * self.rng.uniform(0.6, 1.4, span.size)
        return scales.astype(np.float32)

    def _bias(self, acc_nobias, use_bias):
        if not use_bias:
            return None
        std = acc_nobias.reshape(-1, acc_nobias.shape[-1]).std(axis=0) + 1.0
        return np.round(self.rng.normal(0.0, 0.5 * std)).astype(np.int32)

    def _finish_weight_op(self, op, x, w, w_scales, w_qdim, bias, acc, act, out_shape,
                          **options):
        s_in, _ = self.quant[x]
        channels = acc.shape[-1]
        fs = np.broadcast_to(w_scales.astype(np.float64), (channels,))
        real = apply_activation(float(s_in) * fs * acc, act)
        scale, zp = quant_from_range(real.min(), real.max())
        wt = self.mb.add_constant(self._name("weights"), w, scale=w_scales, zero_point=0,
                                  quantized_dimension=w_qdim)
        inputs = [x, wt]
        if bias is not None:
            bias_scales = (np.float32(s_in) * w_scales.astype(np.float32)).astype(np.float32)
            inputs.append(self.mb.add_constant(self._name("bias"), bias, scale=bias_scales,
                                               zero_point=0, quantized_dimension=0))
        elif op == "FULLY_CONNECTED":
            inputs.append(-1)
        return self._emit(op, inputs, out_shape, scale, zp, fused_activation_function=act,
                          **options)

    def _geometry(self, x, kernel, stride, dilation, padding):
        _, h, w, _ = self.shape[x]
        fn = ref.same_padding if padding == "SAME" else ref.valid_padding
        oh, pt = fn(h, kernel[0], stride[0], dilation[0])
        ow, pl = fn(w, kernel[1], stride[1], dilation[1])
        return (oh, ow), pt, pl

    def conv(self, x, cout, kernel=(3, 3), stride=(1, 1), dilation=(1, 1), padding="SAME",
             act="NONE", per_channel=True, target=0.05):
        s_in, zp_in = self.quant[x]
        cin = self.shape[x][3]
        w = self._weights((cout, kernel[0], kernel[1], cin), 0)
        out_hw, pt, pl = self._geometry(x, kernel, stride, dilation, padding)
        acc = np.concatenate([ref.conv2d_accumulators(
            xv, w, None, input_zero_point=zp_in, output_hw=out_hw, stride=stride,
            dilation=dilation, pad_top=pt, pad_left=pl) for xv in self.vals(x)])
        bias = self._bias(acc, True)
        acc = acc + bias
        ws = self._weight_scales(s_in, acc, per_channel, target)
        return self._finish_weight_op(
            "CONV_2D", x, w, ws, 0, bias, acc, act, (1,) + out_hw + (cout,), padding=padding,
            stride_h=stride[0], stride_w=stride[1], dilation_h_factor=dilation[0],
            dilation_w_factor=dilation[1])

    def depthwise(self, x, multiplier=1, kernel=(3, 3), stride=(1, 1), dilation=(1, 1),
                  padding="SAME", act="NONE", target=0.05):
        s_in, zp_in = self.quant[x]
        cout = self.shape[x][3] * multiplier
        w = self._weights((1, kernel[0], kernel[1], cout), 3)
        out_hw, pt, pl = self._geometry(x, kernel, stride, dilation, padding)
        acc = np.concatenate([ref.depthwise_conv2d_accumulators(
            xv, w, None, depth_multiplier=multiplier, input_zero_point=zp_in,
            output_hw=out_hw, stride=stride, dilation=dilation, pad_top=pt, pad_left=pl)
            for xv in self.vals(x)])
        bias = self._bias(acc, True)
        acc = acc + bias
        ws = self._weight_scales(s_in, acc, True, target)
        return self._finish_weight_op(
            "DEPTHWISE_CONV_2D", x, w, ws, 3, bias, acc, act, (1,) + out_hw + (cout,),
            padding=padding, stride_h=stride[0], stride_w=stride[1],
            depth_multiplier=multiplier, dilation_h_factor=dilation[0],
            dilation_w_factor=dilation[1])

    def fully_connected(self, x, units, act="NONE", bias=True, per_channel=False,
                        keep_num_dims=False, depth=None, target=0.05):
        """depth: the weights' input size (default the last dimension); the input is read
        as [size / depth, depth], as TFLite does."""
        s_in, zp_in = self.quant[x]
        shape = self.shape[x]
        depth = depth or shape[-1]
        w = self._weights((units, depth), 0)
        acc = np.concatenate([ref.fully_connected_accumulators(
            xv.reshape(-1, depth), w, None, input_zero_point=zp_in) for xv in self.vals(x)])
        b = self._bias(acc, bias)
        if b is not None:
            acc = acc + b
        ws = self._weight_scales(s_in, acc, per_channel, target)
        batches = int(np.prod(shape)) // depth
        out_shape = tuple(shape[:-1]) + (units,) if keep_num_dims else (batches, units)
        return self._finish_weight_op("FULLY_CONNECTED", x, w, ws, 0, b, acc, act, out_shape,
                                      keep_num_dims=keep_num_dims)

    # -- ops without weights ---------------------------------------------------------------

    def pool(self, x, kind, filter_hw, stride, padding="SAME", act="NONE"):
        s, zp = self.quant[x]
        out_hw, _, _ = self._geometry(x, filter_hw, stride, (1, 1), padding)
        op = "AVERAGE_POOL_2D" if kind == "avg" else "MAX_POOL_2D"
        return self._emit(op, [x], (1,) + out_hw + (self.shape[x][3],), s, zp, padding=padding,
                          stride_h=stride[0], stride_w=stride[1], filter_height=filter_hw[0],
                          filter_width=filter_hw[1], fused_activation_function=act)

    def elementwise(self, op, a, b, act="NONE"):
        ra, rb = self.real(a), self.real(b)
        real = apply_activation(ra + rb if op == "ADD" else ra * rb, act)
        scale, zp = quant_from_range(real.min(), real.max())
        shape = np.broadcast_shapes(self.shape[a], self.shape[b])
        return self._emit(op, [a, b], shape, scale, zp, fused_activation_function=act)

    def mean(self, x, axes, keep_dims):
        real = self.real(x).mean(axis=tuple(a + 1 for a in axes), keepdims=keep_dims)
        scale, zp = quant_from_range(real.min(), real.max())
        shape = [d for i, d in enumerate(self.shape[x]) if i not in axes or keep_dims]
        if keep_dims:
            shape = [1 if i in axes else d for i, d in enumerate(self.shape[x])]
        axis_t = self.mb.add_constant(self._name("axes"), np.array(axes, np.int32))
        return self._emit("MEAN", [x, axis_t], shape, scale, zp, keep_dims=keep_dims)

    def logistic(self, x):
        return self._emit("LOGISTIC", [x], self.shape[x], 1.0 / 256, -128)

    def softmax(self, x, beta):
        return self._emit("SOFTMAX", [x], self.shape[x], 1.0 / 256, -128, beta=beta)

    def relu(self, x):
        real = np.maximum(self.real(x), 0.0)
        scale, zp = quant_from_range(0.0, real.max())
        return self._emit("RELU", [x], self.shape[x], scale, zp)

    def relu6(self, x):
        s, zp = self.quant[x]  # the converter keeps RELU6's quantization equal to its input's
        return self._emit("RELU6", [x], self.shape[x], s, zp)

    def requantize(self, x, scale, zp):
        return self._emit("QUANTIZE", [x], self.shape[x], scale, zp)

    def dequantize(self, x):
        return self._emit("DEQUANTIZE", [x], self.shape[x], None, None, dtype="float32")

    def reshape(self, x, shape):
        s, zp = self.quant[x]
        shape_t = self.mb.add_constant(self._name("shape"), np.array(shape, np.int32))
        return self._emit("RESHAPE", [x, shape_t], shape, s, zp, new_shape=list(shape))

    def squeeze(self, x, dims):
        s, zp = self.quant[x]
        shape = [d for i, d in enumerate(self.shape[x]) if i not in dims]
        return self._emit("SQUEEZE", [x], shape, s, zp, squeeze_dims=list(dims))

    def pad(self, x, paddings):
        s, zp = self.quant[x]
        shape = [d + p[0] + p[1] for d, p in zip(self.shape[x], paddings)]
        pad_t = self.mb.add_constant(self._name("paddings"), np.array(paddings, np.int32))
        return self._emit("PAD", [x, pad_t], shape, s, zp)

    def concatenation(self, xs, axis):
        s, zp = self.quant[xs[0]]
        shape = list(self.shape[xs[0]])
        shape[axis] = sum(self.shape[x][axis] for x in xs)
        return self._emit("CONCATENATION", list(xs), shape, s, zp, axis=axis)

    # -- result ----------------------------------------------------------------------------

    def finish(self, outputs):
        self.mb.set_inputs(self.inputs)
        self.mb.set_outputs(outputs)
        return self.mb.finish()
