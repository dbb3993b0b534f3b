"""Writes int8 TFLite models (schema version 3, identifier "TFL3") with flatbuffers.Builder.

Our training scripts export their models through this module, so they also run in TFLite,
TFLM and other runtimes; the conformance tests build their test models with it. It writes
only what the TFLite convention requires: buffer 0 empty (tensors without data point at it),
one buffer per constant, an operator-code table, subgraph 0 with its inputs and outputs.

    mb = ModelBuilder()
    x = mb.add_tensor("x", [1, 8, 8, 3], "int8", scale=0.05, zero_point=-3)
    w = mb.add_constant("w", w_int8, scale=w_scales, quantized_dimension=0)
    b = mb.add_constant("b", b_int32, scale=0.05 * w_scales)
    y = mb.add_tensor("y", [1, 8, 8, 4], "int8", scale=0.1, zero_point=5)
    mb.add_op("CONV_2D", [x, w, b], [y], padding="SAME", stride_w=1, stride_h=1)
    mb.set_inputs([x]); mb.set_outputs([y])
    data = mb.finish()
"""

import flatbuffers
import numpy as np

import tflite_schema as S

BUFFER_ALIGNMENT = 16  # the schema's force_align for Buffer.data


class ModelBuildError(ValueError):
    """An inconsistent model description (message names the tensor or op)."""


class _TensorSpec:
    def __init__(self, name, shape, type_code, scale, zero_point, quantized_dimension, data):
        self.name = name
        self.shape = [int(d) for d in shape]
        self.type_code = type_code
        self.scale = scale
        self.zero_point = zero_point
        self.quantized_dimension = quantized_dimension
        self.data = data  # bytes or None
        self.buffer = 0


class _OpSpec:
    def __init__(self, op, inputs, outputs, options, version):
        self.op = op
        self.inputs = inputs
        self.outputs = outputs
        self.options = options
        self.version = version


def _type_code(dtype):
    if isinstance(dtype, str):
        key = dtype.upper()
        if key not in S.TENSOR_TYPE_CODES:
            raise ModelBuildError(f"unknown tensor type {dtype!r}")
        return S.TENSOR_TYPE_CODES[key]
    dt = np.dtype(dtype)
    if dt not in S.DTYPE_TO_TENSOR_TYPE:
        raise ModelBuildError(f"no TFLite tensor type for {dt}")
    return S.DTYPE_TO_TENSOR_TYPE[dt]


def _as_list(v, dtype):
    if v is None:
        return None
    return np.atleast_1d(np.asarray(v, dtype=dtype)).reshape(-1)


class ModelBuilder:
    """Collects tensors and operators of one subgraph and serializes them."""

    def __init__(self, description="TinyTwin pytflite"):
        self.description = description
        self.tensors = []
        self.ops = []
        self.inputs = []
        self.outputs = []

    # -- tensors ---------------------------------------------------------------------------

    def add_tensor(self, name, shape, dtype="int8", scale=None, zero_point=None,
                   quantized_dimension=0):
        """An activation tensor. scale/zero_point: scalars (per-tensor) or sequences
        (per-channel along quantized_dimension); omit both for an unquantized tensor."""
        return self._add(name, shape, _type_code(dtype), scale, zero_point, quantized_dimension,
                         None)

    def add_constant(self, name, array, dtype=None, scale=None, zero_point=None,
                     quantized_dimension=0):
        """A constant tensor holding `array` (cast to dtype when given). Weights of int8
        ops: int8 with per-channel scales and zero points 0; biases: int32 with
        scale = input_scale * weight_scale; shapes/axes: int32 without quantization."""
        arr = np.asarray(array)
        if dtype is not None:
            arr = arr.astype(dtype)
        code = _type_code(arr.dtype)
        data = np.ascontiguousarray(arr).astype(arr.dtype.newbyteorder("<")).tobytes()
        return self._add(name, arr.shape, code, scale, zero_point, quantized_dimension, data)

    def _add(self, name, shape, code, scale, zero_point, quantized_dimension, data):
        scale = _as_list(scale, np.float32)
        if scale is not None:
            if np.any(~np.isfinite(scale)) or np.any(scale <= 0):
                raise ModelBuildError(f"tensor '{name}': scales must be finite and > 0")
            zero_point = _as_list(0 if zero_point is None else zero_point, np.int64)
            if zero_point.size == 1 and scale.size > 1:
                zero_point = np.repeat(zero_point, scale.size)
            if zero_point.size != scale.size:
                raise ModelBuildError(f"tensor '{name}': {scale.size} scales, "
                                      f"{zero_point.size} zero points")
            if scale.size > 1 and not (0 <= quantized_dimension < len(shape) and
                                       shape[quantized_dimension] == scale.size):
                raise ModelBuildError(f"tensor '{name}': {scale.size} scales do not match "
                                      f"dimension {quantized_dimension} of {list(shape)}")
        elif zero_point is not None:
            raise ModelBuildError(f"tensor '{name}': zero point without scale")
        self.tensors.append(_TensorSpec(name, shape, code, scale, zero_point,
                                        int(quantized_dimension), data))
        return len(self.tensors) - 1

    # -- operators -------------------------------------------------------------------------

    def add_op(self, op, inputs, outputs, version=1, **options):
        """An operator by builtin name ("CONV_2D", ...). Options use the schema's field
        names (padding="SAME"/"VALID", stride_w, fused_activation_function="RELU", beta,
        axis, keep_dims, new_shape, squeeze_dims, ...); omitted ones take schema defaults.
        Returns the operator index."""
        if op not in S.BUILTIN_OP_CODES:
            raise ModelBuildError(f"unknown builtin op {op!r}")
        table = S.OP_OPTIONS.get(op)
        known = set()
        if table is not None:
            known = {f[0] for f in S.OPTION_TABLES[S.OPTION_TABLE_CODES[table]][1]}
        unknown = set(options) - known
        if unknown:
            raise ModelBuildError(f"{op}: unknown options {sorted(unknown)}")
        for t in list(inputs) + list(outputs):
            if not -1 <= t < len(self.tensors):
                raise ModelBuildError(f"{op}: tensor index {t} out of range")
        self.ops.append(_OpSpec(op, [int(t) for t in inputs], [int(t) for t in outputs],
                                dict(options), int(version)))
        return len(self.ops) - 1

    def set_inputs(self, tensors):
        self.inputs = [int(t) for t in tensors]

    def set_outputs(self, tensors):
        self.outputs = [int(t) for t in tensors]

    # -- serialization ---------------------------------------------------------------------

    def finish(self):
        """Serializes the model; returns the .tflite bytes."""
        if not self.inputs or not self.outputs:
            raise ModelBuildError("set_inputs() and set_outputs() before finish()")
        b = flatbuffers.Builder(1024 + sum(len(t.data or b"") for t in self.tensors) * 2)

        buffers = [self._buffer(b, None)]
        for t in self.tensors:
            if t.data is not None:
                t.buffer = len(buffers)
                buffers.append(self._buffer(b, t.data))

        op_names = []
        for o in self.ops:
            if o.op not in op_names:
                op_names.append(o.op)
        versions = {name: max(o.version for o in self.ops if o.op == name) for name in op_names}
        opcodes = [self._opcode(b, name, versions[name]) for name in op_names]
        tensors = [self._tensor(b, t) for t in self.tensors]
        operators = [self._operator(b, o, op_names.index(o.op)) for o in self.ops]

        tensors_vec = self._offsets(b, tensors)
        inputs_vec = self._int32s(b, self.inputs)
        outputs_vec = self._int32s(b, self.outputs)
        operators_vec = self._offsets(b, operators)
        name = b.CreateString("main")
        b.StartObject(S.SubGraphF.NUM_FIELDS)
        b.PrependUOffsetTRelativeSlot(S.SubGraphF.TENSORS, tensors_vec, 0)
        b.PrependUOffsetTRelativeSlot(S.SubGraphF.INPUTS, inputs_vec, 0)
        b.PrependUOffsetTRelativeSlot(S.SubGraphF.OUTPUTS, outputs_vec, 0)
        b.PrependUOffsetTRelativeSlot(S.SubGraphF.OPERATORS, operators_vec, 0)
        b.PrependUOffsetTRelativeSlot(S.SubGraphF.NAME, name, 0)
        subgraph = b.EndObject()

        opcodes_vec = self._offsets(b, opcodes)
        subgraphs_vec = self._offsets(b, [subgraph])
        description = b.CreateString(self.description)
        buffers_vec = self._offsets(b, buffers)
        b.StartObject(S.ModelF.NUM_FIELDS)
        b.PrependUint32Slot(S.ModelF.VERSION, S.SCHEMA_VERSION, 0)
        b.PrependUOffsetTRelativeSlot(S.ModelF.OPERATOR_CODES, opcodes_vec, 0)
        b.PrependUOffsetTRelativeSlot(S.ModelF.SUBGRAPHS, subgraphs_vec, 0)
        b.PrependUOffsetTRelativeSlot(S.ModelF.DESCRIPTION, description, 0)
        b.PrependUOffsetTRelativeSlot(S.ModelF.BUFFERS, buffers_vec, 0)
        model = b.EndObject()
        b.Finish(model, file_identifier=S.FILE_IDENTIFIER)
        return bytes(b.Output())

    @staticmethod
    def _offsets(b, offsets):
        b.StartVector(4, len(offsets), 4)
        for off in reversed(offsets):
            b.PrependUOffsetTRelative(off)
        return b.EndVector()

    @staticmethod
    def _int32s(b, values):
        return b.CreateNumpyVector(np.asarray(values, dtype="<i4").reshape(-1))

    @staticmethod
    def _buffer(b, data):
        vec = None
        if data:
            # Align the payload (not the length prefix) to 16 bytes, as TFLite's force_align.
            b.Prep(BUFFER_ALIGNMENT, len(data))
            vec = b.CreateNumpyVector(np.frombuffer(data, dtype=np.uint8))
        b.StartObject(S.BufferF.NUM_FIELDS)
        if vec is not None:
            b.PrependUOffsetTRelativeSlot(S.BufferF.DATA, vec, 0)
        return b.EndObject()

    @staticmethod
    def _opcode(b, name, version):
        code = S.BUILTIN_OP_CODES[name]
        b.StartObject(S.OperatorCodeF.NUM_FIELDS)
        b.ForceDefaults(True)
        b.PrependInt8Slot(S.OperatorCodeF.DEPRECATED_BUILTIN_CODE,
                          min(code, S.PLACEHOLDER_FOR_GREATER_OP_CODES), 0)
        b.PrependInt32Slot(S.OperatorCodeF.VERSION, version, 1)
        b.PrependInt32Slot(S.OperatorCodeF.BUILTIN_CODE, code, 0)
        b.ForceDefaults(False)
        return b.EndObject()

    @staticmethod
    def _quantization(b, t):
        scale = b.CreateNumpyVector(t.scale.astype("<f4"))
        zero_point = b.CreateNumpyVector(t.zero_point.astype("<i8"))
        b.StartObject(S.QuantizationF.NUM_FIELDS)
        b.PrependUOffsetTRelativeSlot(S.QuantizationF.SCALE, scale, 0)
        b.PrependUOffsetTRelativeSlot(S.QuantizationF.ZERO_POINT, zero_point, 0)
        b.PrependInt32Slot(S.QuantizationF.QUANTIZED_DIMENSION, t.quantized_dimension, 0)
        return b.EndObject()

    def _tensor(self, b, t):
        shape = self._int32s(b, t.shape)
        name = b.CreateString(t.name)
        quant = self._quantization(b, t) if t.scale is not None else None
        b.StartObject(S.TensorF.NUM_FIELDS)
        b.PrependUOffsetTRelativeSlot(S.TensorF.SHAPE, shape, 0)
        b.ForceDefaults(True)  # type FLOAT32 (0) and buffer 0 are written explicitly
        b.PrependInt8Slot(S.TensorF.TYPE, t.type_code, 0)
        b.PrependUint32Slot(S.TensorF.BUFFER, t.buffer, 0)
        b.ForceDefaults(False)
        b.PrependUOffsetTRelativeSlot(S.TensorF.NAME, name, 0)
        if quant is not None:
            b.PrependUOffsetTRelativeSlot(S.TensorF.QUANTIZATION, quant, 0)
        return b.EndObject()

    @staticmethod
    def _options(b, op, options):
        """Serializes the builtin options table of `op`; returns (union tag, offset)."""
        table = S.OP_OPTIONS.get(op)
        if table is None:
            return 0, None
        tag = S.OPTION_TABLE_CODES[table]
        fields = S.OPTION_TABLES[tag][1]
        vectors = {}
        for name, fid, kind, default in fields:
            if kind == "i32_vector" and options.get(name) is not None:
                vectors[name] = b.CreateNumpyVector(np.asarray(options[name], "<i4").reshape(-1))
        b.StartObject(max([f[1] for f in fields], default=-1) + 1)
        for name, fid, kind, default in fields:
            value = options.get(name, default)
            if kind == "i32_vector":
                if name in vectors:
                    b.PrependUOffsetTRelativeSlot(fid, vectors[name], 0)
                continue
            b.ForceDefaults(True)  # write every field: readers never depend on defaults
            if kind == "i32":
                b.PrependInt32Slot(fid, int(value), 0)
            elif kind == "bool":
                b.PrependBoolSlot(fid, bool(value), False)
            elif kind == "f32":
                b.PrependFloat32Slot(fid, float(value), 0.0)
            elif kind in S.ENUM_KINDS:
                rev = {v: k for k, v in S.ENUM_KINDS[kind].items()}
                if value not in rev:
                    raise ModelBuildError(f"{op}: {name}={value!r} not in {sorted(rev)}")
                b.PrependInt8Slot(fid, rev[value], 0)
            else:
                raise AssertionError(kind)
            b.ForceDefaults(False)
        return tag, b.EndObject()

    def _operator(self, b, o, opcode_index):
        inputs = self._int32s(b, o.inputs)
        outputs = self._int32s(b, o.outputs)
        tag, options = self._options(b, o.op, o.options)
        b.StartObject(S.OperatorF.NUM_FIELDS)
        b.ForceDefaults(True)
        b.PrependUint32Slot(S.OperatorF.OPCODE_INDEX, opcode_index, 0)
        b.ForceDefaults(False)
        b.PrependUOffsetTRelativeSlot(S.OperatorF.INPUTS, inputs, 0)
        b.PrependUOffsetTRelativeSlot(S.OperatorF.OUTPUTS, outputs, 0)
        if options is not None:
            b.PrependUint8Slot(S.OperatorF.BUILTIN_OPTIONS_TYPE, tag, 0)
            b.PrependUOffsetTRelativeSlot(S.OperatorF.BUILTIN_OPTIONS, options, 0)
        return b.EndObject()
