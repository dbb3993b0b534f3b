"""The subset of the TFLite flatbuffer schema (version 3) that TinyTwin reads and writes.

Field ids and enum values were looked up in the public TFLite schema; this module restates
only the facts we need, so the reader and the writer share one table of field ids instead of
depending on generated code. A table field with id N lives at vtable offset 4 + 2 * N; a union
field takes two ids (its type tag first, then the table offset).
"""

import numpy as np

FILE_IDENTIFIER = b"TFL3"
SCHEMA_VERSION = 3


def vtable_offset(field_id):
    """Byte offset of a field's slot in its table's vtable (the flatbuffers rule)."""
    return 4 + 2 * field_id


# ------------------------------------------------------------------------------------------
# Field ids of the tables we touch.
# ------------------------------------------------------------------------------------------

class ModelF:
    VERSION, OPERATOR_CODES, SUBGRAPHS, DESCRIPTION, BUFFERS = 0, 1, 2, 3, 4
    NUM_FIELDS = 5


class SubGraphF:
    TENSORS, INPUTS, OUTPUTS, OPERATORS, NAME = 0, 1, 2, 3, 4
    NUM_FIELDS = 5


class BufferF:
    DATA, OFFSET, SIZE = 0, 1, 2
    NUM_FIELDS = 1  # we only ever write data


class OperatorCodeF:
    DEPRECATED_BUILTIN_CODE, CUSTOM_CODE, VERSION, BUILTIN_CODE = 0, 1, 2, 3
    NUM_FIELDS = 4


class OperatorF:
    OPCODE_INDEX, INPUTS, OUTPUTS, BUILTIN_OPTIONS_TYPE, BUILTIN_OPTIONS = 0, 1, 2, 3, 4
    CUSTOM_OPTIONS = 5
    BUILTIN_OPTIONS_2_TYPE, BUILTIN_OPTIONS_2 = 11, 12
    NUM_FIELDS = 5  # we only ever write fields 0..4


class TensorF:
    SHAPE, TYPE, BUFFER, NAME, QUANTIZATION, IS_VARIABLE, SPARSITY = 0, 1, 2, 3, 4, 5, 6
    SHAPE_SIGNATURE, HAS_RANK = 7, 8
    NUM_FIELDS = 5  # we only ever write fields 0..4


class QuantizationF:
    MIN, MAX, SCALE, ZERO_POINT, DETAILS_TYPE, DETAILS, QUANTIZED_DIMENSION = 0, 1, 2, 3, 4, 5, 6
    NUM_FIELDS = 7


# ------------------------------------------------------------------------------------------
# Enums.
# ------------------------------------------------------------------------------------------

# TensorType -> (name, NumPy dtype or None when we cannot hold its data).
TENSOR_TYPES = {
    0: ("FLOAT32", np.float32), 1: ("FLOAT16", np.float16), 2: ("INT32", np.int32),
    3: ("UINT8", np.uint8), 4: ("INT64", np.int64), 5: ("STRING", None), 6: ("BOOL", np.bool_),
    7: ("INT16", np.int16), 8: ("COMPLEX64", np.complex64), 9: ("INT8", np.int8),
    10: ("FLOAT64", np.float64), 12: ("UINT64", np.uint64), 15: ("UINT32", np.uint32),
    16: ("UINT16", np.uint16), 17: ("INT4", None),
}
TENSOR_TYPE_CODES = {name: code for code, (name, _) in TENSOR_TYPES.items()}
DTYPE_TO_TENSOR_TYPE = {np.dtype(dt): code for code, (_, dt) in TENSOR_TYPES.items()
                        if dt is not None and code not in (17,)}

# BuiltinOperator: every op we support plus the ones commonly met in TinyML models, so an
# unsupported op is reported by name.
BUILTIN_OPS = {
    0: "ADD", 1: "AVERAGE_POOL_2D", 2: "CONCATENATION", 3: "CONV_2D", 4: "DEPTHWISE_CONV_2D",
    5: "DEPTH_TO_SPACE", 6: "DEQUANTIZE", 7: "EMBEDDING_LOOKUP", 8: "FLOOR",
    9: "FULLY_CONNECTED", 11: "L2_NORMALIZATION", 12: "L2_POOL_2D", 14: "LOGISTIC",
    16: "LSTM", 17: "MAX_POOL_2D", 18: "MUL", 19: "RELU", 20: "RELU_N1_TO_1", 21: "RELU6",
    22: "RESHAPE", 23: "RESIZE_BILINEAR", 25: "SOFTMAX", 26: "SPACE_TO_DEPTH", 27: "SVDF",
    28: "TANH", 32: "CUSTOM", 34: "PAD", 36: "GATHER", 37: "BATCH_TO_SPACE_ND",
    38: "SPACE_TO_BATCH_ND", 39: "TRANSPOSE", 40: "MEAN", 41: "SUB", 42: "DIV", 43: "SQUEEZE",
    44: "UNIDIRECTIONAL_SEQUENCE_LSTM", 45: "STRIDED_SLICE", 47: "EXP", 49: "SPLIT",
    50: "LOG_SOFTMAX", 53: "CAST", 54: "PRELU", 55: "MAXIMUM", 56: "ARG_MAX", 57: "MINIMUM",
    60: "PADV2", 65: "SLICE", 67: "TRANSPOSE_CONV", 70: "EXPAND_DIMS", 74: "SUM",
    75: "SQRT", 76: "RSQRT", 77: "SHAPE", 79: "ARG_MIN", 82: "REDUCE_MAX", 83: "PACK",
    88: "UNPACK", 89: "REDUCE_MIN", 92: "SQUARE", 97: "RESIZE_NEAREST_NEIGHBOR",
    98: "LEAKY_RELU", 99: "SQUARED_DIFFERENCE", 100: "MIRROR_PAD", 101: "ABS",
    102: "SPLIT_V", 114: "QUANTIZE", 117: "HARD_SWISH", 126: "BATCH_MATMUL",
    150: "GELU",
}
BUILTIN_OP_CODES = {name: code for code, name in BUILTIN_OPS.items()}
PLACEHOLDER_FOR_GREATER_OP_CODES = 127  # deprecated_builtin_code is a byte


def builtin_op_name(code):
    return BUILTIN_OPS.get(code, f"BUILTIN_{code}")


PADDINGS = {0: "SAME", 1: "VALID"}
ACTIVATIONS = {0: "NONE", 1: "RELU", 2: "RELU_N1_TO_1", 3: "RELU6", 4: "TANH", 5: "SIGN_BIT"}
FC_WEIGHTS_FORMATS = {0: "DEFAULT", 1: "SHUFFLED4x16INT8"}

# ------------------------------------------------------------------------------------------
# BuiltinOptions: union type tag -> (table name, fields). A field is
# (python name, field id, kind, default); kinds: i32, i8 (byte enum kept numeric), bool, f32,
# padding, activation, tensor_type, fc_weights_format, i32_vector.
# ------------------------------------------------------------------------------------------

_CONV_FIELDS = [("padding", 0, "padding", "SAME"), ("stride_w", 1, "i32", 0),
                ("stride_h", 2, "i32", 0), ("fused_activation_function", 3, "activation", "NONE"),
                ("dilation_w_factor", 4, "i32", 1), ("dilation_h_factor", 5, "i32", 1)]

OPTION_TABLES = {
    1: ("Conv2DOptions", _CONV_FIELDS),
    2: ("DepthwiseConv2DOptions",
        [("padding", 0, "padding", "SAME"), ("stride_w", 1, "i32", 0),
         ("stride_h", 2, "i32", 0), ("depth_multiplier", 3, "i32", 0),
         ("fused_activation_function", 4, "activation", "NONE"),
         ("dilation_w_factor", 5, "i32", 1), ("dilation_h_factor", 6, "i32", 1)]),
    5: ("Pool2DOptions",
        [("padding", 0, "padding", "SAME"), ("stride_w", 1, "i32", 0),
         ("stride_h", 2, "i32", 0), ("filter_width", 3, "i32", 0),
         ("filter_height", 4, "i32", 0), ("fused_activation_function", 5, "activation", "NONE")]),
    8: ("FullyConnectedOptions",
        [("fused_activation_function", 0, "activation", "NONE"),
         ("weights_format", 1, "fc_weights_format", "DEFAULT"),
         ("keep_num_dims", 2, "bool", False), ("asymmetric_quantize_inputs", 3, "bool", False)]),
    9: ("SoftmaxOptions", [("beta", 0, "f32", 0.0)]),
    10: ("ConcatenationOptions",
         [("axis", 0, "i32", 0), ("fused_activation_function", 1, "activation", "NONE")]),
    11: ("AddOptions", [("fused_activation_function", 0, "activation", "NONE"),
                        ("pot_scale_int16", 1, "bool", True)]),
    17: ("ReshapeOptions", [("new_shape", 0, "i32_vector", None)]),
    21: ("MulOptions", [("fused_activation_function", 0, "activation", "NONE")]),
    22: ("PadOptions", []),
    27: ("ReducerOptions", [("keep_dims", 0, "bool", False)]),
    28: ("SubOptions", [("fused_activation_function", 0, "activation", "NONE"),
                        ("pot_scale_int16", 1, "bool", True)]),
    30: ("SqueezeOptions", [("squeeze_dims", 0, "i32_vector", None)]),
    38: ("DequantizeOptions", []),
    89: ("QuantizeOptions", []),
}
OPTION_TABLE_CODES = {name: code for code, (name, _) in OPTION_TABLES.items()}

# The options table each op we write carries (ops absent here carry none, e.g. RELU).
OP_OPTIONS = {
    "CONV_2D": "Conv2DOptions", "DEPTHWISE_CONV_2D": "DepthwiseConv2DOptions",
    "AVERAGE_POOL_2D": "Pool2DOptions", "MAX_POOL_2D": "Pool2DOptions",
    "FULLY_CONNECTED": "FullyConnectedOptions", "SOFTMAX": "SoftmaxOptions",
    "CONCATENATION": "ConcatenationOptions", "ADD": "AddOptions", "MUL": "MulOptions",
    "RESHAPE": "ReshapeOptions", "PAD": "PadOptions", "MEAN": "ReducerOptions",
    "SQUEEZE": "SqueezeOptions", "DEQUANTIZE": "DequantizeOptions",
    "QUANTIZE": "QuantizeOptions",
}

# Enum kinds: python string <-> stored byte.
ENUM_KINDS = {"padding": PADDINGS, "activation": ACTIVATIONS,
              "fc_weights_format": FC_WEIGHTS_FORMATS}
