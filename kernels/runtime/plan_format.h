// The compiled-model ("plan", .ttm) binary format: the only model representation the
// firmware reads. The host compiler (tools/compiler) writes it; plan_loader.h validates it
// without trusting a single field; executor.h runs it.
//
// Layout (little-endian, every section 16-byte aligned, offsets from the blob start):
//   PlanHeader | PlanTensor[tensor_count] | PlanOp[op_count] | int32 io[io_count]
//   | int32 model_io[input_count + output_count] | constant data (weights, bias, folded
//   per-channel multipliers and shifts, each 16-byte aligned)
// The CRC32 (zlib polynomial) covers every byte after the crc32 field, so any corruption
// after the first 16 bytes is caught before a single offset is used.
//
// Tensors live either in the constant section or in the caller's arena at an offset fixed
// by the static memory planner. Shapes keep the model's rank (0..4); kernels see them
// right-aligned into NHWC Dims4 ([a, b] becomes [1, 1, a, b]).
// Version policy: a new major version means old loaders must refuse the plan; a minor bump
// only adds things old loaders may ignore.
#pragma once

#include <cstdint>

namespace tt::kernels::plan {

inline constexpr uint32_t kMagic = 0x314D5454u;  // "TTM1" in file byte order
inline constexpr uint16_t kVersionMajor = 1;
inline constexpr uint16_t kVersionMinor = 0;
inline constexpr uint32_t kAlign = 16;
inline constexpr int32_t kMaxOpInputs = 16;  // CONCATENATION's limit, the widest op
inline constexpr int32_t kOpParams = 16;

struct PlanHeader {
  uint32_t magic;
  uint16_t version_major, version_minor;
  uint32_t total_bytes;   // the whole blob
  uint32_t crc32;         // of bytes [16, total_bytes)
  uint32_t header_bytes;  // sizeof(PlanHeader) of the writer
  uint32_t arena_bytes;   // activations + per-op scratch, as planned
  uint32_t tensor_count, tensor_offset;
  uint32_t op_count, op_offset;
  uint32_t io_count, io_offset;  // op operand lists: tensor indices, -1 = absent
  uint32_t input_count, output_count, model_io_offset;
  uint32_t const_offset, const_bytes;
  uint32_t reserved[3];
};
static_assert(sizeof(PlanHeader) == 80, "plan header layout is part of the file format");

enum class DType : uint8_t { kInt8 = 1, kInt32 = 2, kFloat32 = 3 };
enum class Storage : uint8_t { kArena = 0, kConst = 1 };

struct PlanTensor {
  DType dtype;
  Storage storage;
  uint8_t rank;  // 0..4
  uint8_t reserved;
  int32_t dims[4];  // the first `rank` entries are the shape; the rest are 1
  uint32_t offset;  // into the arena or the constant section
  uint32_t bytes;   // == element count * element size
  float scale;      // per-tensor quantization (1, 0 when not quantized)
  int32_t zero_point;
};
static_assert(sizeof(PlanTensor) == 36, "plan tensor layout is part of the file format");

// Kernel kinds. Values are part of the file format: append only.
enum class OpKind : uint16_t {
  kConv2d = 1,
  kDepthwiseConv2d = 2,
  kFullyConnected = 3,
  kMaxPool2d = 4,
  kAvgPool2d = 5,
  kAdd = 6,
  kMul = 7,
  kSoftmax = 8,
  kLogistic = 9,
  kPad = 10,
  kConcatenation = 11,
  kMean = 12,
  kQuantize = 13,    // float32 -> int8
  kRequantize = 14,  // int8 -> int8 with a clamp: QUANTIZE, RELU, RELU6
  kDequantize = 15,  // int8 -> float32
  kCopy = 16,        // a reshape whose output cannot share its input's memory
};
inline constexpr uint16_t kOpKindLast = 16;

// The TFLite operator name shown for a kind ("CONV_2D"); "?" for unknown values.
const char* op_kind_name(OpKind kind);

// Operands (indices into the io table, inputs first, then one output):
//   conv/depthwise/FC: input, filter, bias (-1: none), multipliers, shifts (const int32)
//   pools, softmax, logistic, pad, mean, (re/de)quantize, copy: input
//   add, mul: input1, input2;  concatenation: 1..kMaxOpInputs inputs
// Parameter words (`params`), by kind; unused words are 0:
namespace p {
// conv, depthwise, FC (FC uses only input_offset..act_max)
inline constexpr int kStrideH = 0, kStrideW = 1, kDilationH = 2, kDilationW = 3, kPadTop = 4,
                     kPadLeft = 5, kInputOffset = 6, kOutputOffset = 7, kActMin = 8, kActMax = 9,
                     kDepthMultiplier = 10;
// pools
inline constexpr int kFilterH = 0, kFilterW = 1, kPoolStrideH = 2, kPoolStrideW = 3,
                     kPoolPadTop = 4, kPoolPadLeft = 5, kPoolActMin = 6, kPoolActMax = 7;
// add (mul uses kIn1Offset, kIn2Offset, kOutOffset, kOutMultiplier, kOutShift, act)
inline constexpr int kIn1Offset = 0, kIn2Offset = 1, kOutOffset = 2, kLeftShift = 3,
                     kIn1Multiplier = 4, kIn1Shift = 5, kIn2Multiplier = 6, kIn2Shift = 7,
                     kOutMultiplier = 8, kOutShift = 9, kEltActMin = 10, kEltActMax = 11;
// softmax
inline constexpr int kSoftmaxMultiplier = 0, kSoftmaxLeftShift = 1, kSoftmaxDiffMin = 2;
// logistic
inline constexpr int kLogisticZeroPoint = 0, kLogisticRadius = 1, kLogisticMultiplier = 2,
                     kLogisticLeftShift = 3;
// pad: params[0..3] = before N, H, W, C (in Dims4 space); params[4] = pad value
inline constexpr int kPadValue = 4;
// concatenation: params[0] = axis in Dims4 space (0..3)
// mean: axes mask over Dims4 (bit 0 = N ... bit 3 = C), zero points, multiplier, shift
inline constexpr int kMeanAxes = 0, kMeanInZp = 1, kMeanOutZp = 2, kMeanMultiplier = 3,
                     kMeanShift = 4;
// quantize/dequantize: the float32 scale's bits and the zero point
inline constexpr int kScaleBits = 0, kZeroPoint = 1;
// requantize
inline constexpr int kRqInZp = 0, kRqOutZp = 1, kRqMultiplier = 2, kRqShift = 3, kRqActMin = 4,
                     kRqActMax = 5;
}  // namespace p

struct PlanOp {
  OpKind kind;
  uint8_t input_count, output_count;
  uint32_t io_index;                       // first operand in the io table
  uint32_t scratch_offset, scratch_bytes;  // in the arena; bytes 0 = no scratch
  int32_t source_index;    // index of the TFLite operator whose output this op writes
  int32_t source_builtin;  // its TFLite BuiltinOperator code (RELU lowers to kRequantize)
  uint32_t macs;           // multiply-accumulates (reporting only; not trusted)
  int32_t params[kOpParams];
};
static_assert(sizeof(PlanOp) == 92, "plan op layout is part of the file format");

}  // namespace tt::kernels::plan
