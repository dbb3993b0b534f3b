"""Reads a .tflite flatbuffer into plain Python objects.

Uses only the flatbuffers low-level Table API with explicit field ids (tflite_schema.py), not a
generated `tflite` package: the project restates the schema facts it relies on, so a schema
change we do not know about shows up as a clear error instead of silently different code.

    model = read_model("m.tflite")            # or read_model(bytes)
    model.tensors[i].shape / .type / .scale / .zero_point / .data
    model.operators[k].op / .inputs / .outputs / .options
    model.inputs, model.outputs               # tensor indices of subgraph 0
"""

import dataclasses

import flatbuffers
import numpy as np
from flatbuffers import number_types as N

import tflite_schema as S


class TfliteFormatError(ValueError):
    """The bytes are not a TFLite model we can read (message names the field)."""


@dataclasses.dataclass
class Quantization:
    """Affine quantization: real = scale * (q - zero_point), per tensor or per channel."""
    scale: np.ndarray  # float32, one entry per channel (1 for per-tensor)
    zero_point: np.ndarray  # int64, same length as scale (or empty)
    quantized_dimension: int = 0

    @property
    def per_channel(self):
        return self.scale.size > 1


@dataclasses.dataclass
class Tensor:
    index: int
    name: str
    type: str  # "INT8", "FLOAT32", ...
    shape: tuple
    buffer: int
    quantization: Quantization = None  # None when the tensor carries no scale
    data: np.ndarray = None  # constant contents in `shape`, None for activations
    is_variable: bool = False

    @property
    def scale(self):
        """The per-tensor scale as float32 (the first entry for per-channel tensors)."""
        if self.quantization is None:
            return None
        return np.float32(self.quantization.scale[0])

    @property
    def zero_point(self):
        if self.quantization is None:
            return 0
        zp = self.quantization.zero_point
        return int(zp[0]) if zp.size else 0

    @property
    def is_constant(self):
        return self.data is not None


@dataclasses.dataclass
class Operator:
    index: int
    op: str  # builtin name, e.g. "CONV_2D" (or "BUILTIN_<code>", or "CUSTOM")
    opcode: int
    version: int
    inputs: list  # tensor indices, -1 for an omitted optional input
    outputs: list
    options: dict  # decoded builtin options (names as in the schema)
    options_type: int = 0  # BuiltinOptions union tag
    custom_code: str = None


@dataclasses.dataclass
class Model:
    version: int
    description: str
    tensors: list
    operators: list
    inputs: list
    outputs: list
    num_subgraphs: int = 1

    def tensor(self, index):
        return self.tensors[index]


class _Table:
    """A flatbuffers table addressed by field id rather than by generated accessors."""

    def __init__(self, buf, pos):
        self.t = flatbuffers.table.Table(buf, pos)

    def _off(self, field_id):
        return self.t.Offset(S.vtable_offset(field_id))

    def has(self, field_id):
        return self._off(field_id) != 0

    def scalar(self, field_id, flags, default):
        o = self._off(field_id)
        return self.t.Get(flags, self.t.Pos + o) if o else default

    def table(self, field_id):
        o = self._off(field_id)
        if not o:
            return None
        return _Table(self.t.Bytes, self.t.Indirect(self.t.Pos + o))

    def tables(self, field_id):
        o = self._off(field_id)
        if not o:
            return []
        start = self.t.Vector(o)
        return [_Table(self.t.Bytes, self.t.Indirect(start + 4 * i))
                for i in range(self.t.VectorLen(o))]

    def numpy(self, field_id, flags):
        """A copy of a scalar vector field (empty when absent)."""
        o = self._off(field_id)
        if not o:
            return np.zeros(0, dtype=N.to_numpy_type(flags))
        return np.array(self.t.GetVectorAsNumpy(flags, o), copy=True)

    def string(self, field_id):
        o = self._off(field_id)
        return self.t.String(self.t.Pos + o).decode("utf-8", "replace") if o else None


def _decode_options(table, options_type):
    """Decodes a BuiltinOptions table we know into a dict; unknown tables give {}."""
    if table is None or options_type not in S.OPTION_TABLES:
        return {}
    _, fields = S.OPTION_TABLES[options_type]
    out = {}
    for name, fid, kind, default in fields:
        if kind == "i32":
            out[name] = table.scalar(fid, N.Int32Flags, default)
        elif kind == "bool":
            out[name] = bool(table.scalar(fid, N.BoolFlags, default))
        elif kind == "f32":
            out[name] = float(table.scalar(fid, N.Float32Flags, default))
        elif kind == "i32_vector":
            out[name] = [int(v) for v in table.numpy(fid, N.Int32Flags)] if table.has(fid) \
                else None
        elif kind in S.ENUM_KINDS:
            names = S.ENUM_KINDS[kind]
            rev = {v: k for k, v in names.items()}
            code = table.scalar(fid, N.Int8Flags, rev[default])
            out[name] = names.get(code, f"{kind.upper()}_{code}")
        else:
            raise AssertionError(kind)
    return out


def _read_quantization(table):
    if table is None:
        return None
    scale = table.numpy(S.QuantizationF.SCALE, N.Float32Flags)
    zero_point = table.numpy(S.QuantizationF.ZERO_POINT, N.Int64Flags)
    if table.scalar(S.QuantizationF.DETAILS_TYPE, N.Uint8Flags, 0) != 0:
        raise TfliteFormatError("quantization details (custom/blockwise) are not supported")
    if scale.size == 0:
        return None  # min/max only, or an empty table: not quantized
    if zero_point.size not in (0, scale.size):
        raise TfliteFormatError(f"{scale.size} scales but {zero_point.size} zero points")
    qdim = table.scalar(S.QuantizationF.QUANTIZED_DIMENSION, N.Int32Flags, 0)
    return Quantization(scale=scale.astype(np.float32), zero_point=zero_point.astype(np.int64),
                        quantized_dimension=int(qdim))


def _buffer_bytes(buffers, index):
    if index >= len(buffers):
        raise TfliteFormatError(f"buffer index {index} >= {len(buffers)} buffers")
    buf = buffers[index]
    if buf.scalar(S.BufferF.OFFSET, N.Uint64Flags, 0) > 1:
        raise TfliteFormatError(f"buffer {index} is stored outside the flatbuffer (> 2 GB model)")
    data = buf.numpy(S.BufferF.DATA, N.Uint8Flags)
    return data.tobytes() if data.size else None


def _read_tensor(index, table, buffers):
    name = table.string(S.TensorF.NAME) or f"tensor_{index}"
    type_code = table.scalar(S.TensorF.TYPE, N.Int8Flags, 0)
    if type_code not in S.TENSOR_TYPES:
        raise TfliteFormatError(f"tensor {index} '{name}': unknown type {type_code}")
    type_name, dtype = S.TENSOR_TYPES[type_code]
    shape = tuple(int(d) for d in table.numpy(S.TensorF.SHAPE, N.Int32Flags))
    if table.table(S.TensorF.SPARSITY) is not None:
        raise TfliteFormatError(f"tensor {index} '{name}': sparse tensors are not supported")
    buffer_index = table.scalar(S.TensorF.BUFFER, N.Uint32Flags, 0)
    raw = _buffer_bytes(buffers, buffer_index) if buffer_index else None
    data = None
    if raw is not None:
        if dtype is None:
            raise TfliteFormatError(f"tensor {index} '{name}': cannot hold {type_name} data")
        data = np.frombuffer(raw, dtype=np.dtype(dtype).newbyteorder("<")).astype(dtype)
        count = int(np.prod(shape)) if shape else 1
        if data.size != count:
            raise TfliteFormatError(f"tensor {index} '{name}': buffer has {data.size} "
                                    f"elements, shape {list(shape)} needs {count}")
        data = data.reshape(shape)
    return Tensor(index=index, name=name, type=type_name, shape=shape, buffer=buffer_index,
                  quantization=_read_quantization(table.table(S.TensorF.QUANTIZATION)),
                  data=data, is_variable=bool(table.scalar(S.TensorF.IS_VARIABLE,
                                                           N.BoolFlags, False)))


def _read_opcodes(root):
    codes = []
    for t in root.tables(S.ModelF.OPERATOR_CODES):
        deprecated = t.scalar(S.OperatorCodeF.DEPRECATED_BUILTIN_CODE, N.Int8Flags, 0)
        extended = t.scalar(S.OperatorCodeF.BUILTIN_CODE, N.Int32Flags, 0)
        # TFLite's rule: the larger of the two fields is the op (old files only set the byte).
        code = max(int(deprecated), int(extended))
        codes.append((code, t.scalar(S.OperatorCodeF.VERSION, N.Int32Flags, 1),
                      t.string(S.OperatorCodeF.CUSTOM_CODE)))
    return codes


def read_model(source):
    """Parses a .tflite (path or bytes). Only subgraph 0 is decoded (the main graph)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        buf = bytearray(source)
    else:
        with open(source, "rb") as f:
            buf = bytearray(f.read())
    if len(buf) < 8:
        raise TfliteFormatError(f"{len(buf)} bytes is too short for a flatbuffer")
    if bytes(buf[4:8]) != S.FILE_IDENTIFIER:
        raise TfliteFormatError(f"file identifier {bytes(buf[4:8])!r}, expected b'TFL3'")
    root_pos = flatbuffers.encode.Get(flatbuffers.packer.uoffset, buf, 0)
    if not 8 <= root_pos < len(buf):
        raise TfliteFormatError(f"root table offset {root_pos} outside the file")
    root = _Table(buf, root_pos)
    version = root.scalar(S.ModelF.VERSION, N.Uint32Flags, 0)
    if version != S.SCHEMA_VERSION:
        raise TfliteFormatError(f"schema version {version}, expected {S.SCHEMA_VERSION}")
    subgraphs = root.tables(S.ModelF.SUBGRAPHS)
    if not subgraphs:
        raise TfliteFormatError("model has no subgraph")
    buffers = root.tables(S.ModelF.BUFFERS)
    opcodes = _read_opcodes(root)
    sg = subgraphs[0]
    tensors = [_read_tensor(i, t, buffers)
               for i, t in enumerate(sg.tables(S.SubGraphF.TENSORS))]
    operators = []
    for k, t in enumerate(sg.tables(S.SubGraphF.OPERATORS)):
        opcode_index = t.scalar(S.OperatorF.OPCODE_INDEX, N.Uint32Flags, 0)
        if opcode_index >= len(opcodes):
            raise TfliteFormatError(f"operator {k}: opcode index {opcode_index} >= "
                                    f"{len(opcodes)} operator codes")
        code, op_version, custom = opcodes[opcode_index]
        options_type = t.scalar(S.OperatorF.BUILTIN_OPTIONS_TYPE, N.Uint8Flags, 0)
        options = _decode_options(t.table(S.OperatorF.BUILTIN_OPTIONS), options_type)
        inputs = [int(v) for v in t.numpy(S.OperatorF.INPUTS, N.Int32Flags)]
        outputs = [int(v) for v in t.numpy(S.OperatorF.OUTPUTS, N.Int32Flags)]
        for v in inputs + outputs:
            if not -1 <= v < len(tensors):
                raise TfliteFormatError(f"operator {k}: tensor index {v} out of range")
        operators.append(Operator(index=k, op=S.builtin_op_name(code), opcode=code,
                                  version=op_version, inputs=inputs, outputs=outputs,
                                  options=options, options_type=options_type,
                                  custom_code=custom))
    inputs = [int(v) for v in sg.numpy(S.SubGraphF.INPUTS, N.Int32Flags)]
    outputs = [int(v) for v in sg.numpy(S.SubGraphF.OUTPUTS, N.Int32Flags)]
    return Model(version=version, description=root.string(S.ModelF.DESCRIPTION) or "",
                 tensors=tensors, operators=operators, inputs=inputs, outputs=outputs,
                 num_subgraphs=len(subgraphs))


def summary(model):
    """A human-readable listing (tensor table and operators), for debugging models."""
    lines = [f"schema v{model.version}, {len(model.tensors)} tensors, "
             f"{len(model.operators)} operators, inputs {model.inputs}, outputs {model.outputs}"]
    for t in model.tensors:
        q = ""
        if t.quantization is not None:
            s = t.quantization.scale
            q = (f" scale={s[0]:.6g}" if s.size == 1 else f" scales[{s.size}]") + \
                f" zp={t.zero_point}"
        const = " const" if t.is_constant else ""
        lines.append(f"  t{t.index:<3} {t.type:<7} {list(t.shape)}{q}{const} {t.name}")
    for op in model.operators:
        lines.append(f"  op{op.index:<3} {op.op:<18} in={op.inputs} out={op.outputs} "
                     f"{op.options}")
    return "\n".join(lines)


if __name__ == "__main__":
    import sys
    for path in sys.argv[1:]:
        print(path)
        print(summary(read_model(path)))
