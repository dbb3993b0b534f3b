// The host-side picture of a TFLite model after import: plain C++ structs holding exactly
// what the compiler needs, already validated. `read_tflite()` (tflite_reader.cc) fills it
// from a TFLite flatbuffer (schema version 3, identifier "TFL3") and throws ModelError with
// a message naming the field and the offending values at the first problem it finds; after
// it returns, every index is in range, every shape is positive, every quantized tensor has
// usable parameters and every operator is one we support with options we support.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace tt::compiler {

// A bad model: the message names the field and the values ("tensor 3 'conv1/weights':
// scale[2] = -0.5 is not > 0").
struct ModelError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// TFLite TensorType values (schema enum TensorType).
enum class TensorType : int8_t {
  kFloat32 = 0,
  kInt32 = 2,
  kUInt8 = 3,
  kInt64 = 4,
  kInt16 = 7,
  kInt8 = 9,
};
const char* tensor_type_name(TensorType t);

// TFLite BuiltinOperator values for the operators we import (schema enum BuiltinOperator).
enum class BuiltinOp : int32_t {
  kAdd = 0,
  kAveragePool2d = 1,
  kConcatenation = 2,
  kConv2d = 3,
  kDepthwiseConv2d = 4,
  kDequantize = 6,
  kFullyConnected = 9,
  kLogistic = 14,
  kMaxPool2d = 17,
  kMul = 18,
  kRelu = 19,
  kRelu6 = 21,
  kReshape = 22,
  kSoftmax = 25,
  kPad = 34,
  kMean = 40,
  kSqueeze = 43,
  kQuantize = 114,
};
// "CONV_2D", ... for every TFLite builtin code (also unsupported ones, for messages);
// "BUILTIN_<n>" for codes we have no name for.
std::string builtin_op_name(int32_t code);

enum class Padding : int8_t { kSame = 0, kValid = 1 };
enum class Activation : int8_t { kNone = 0, kRelu = 1, kReluN1To1 = 2, kRelu6 = 3 };

struct Quantization {
  std::vector<float> scale;         // empty: not quantized
  std::vector<int64_t> zero_point;  // same count as scale
  int32_t quantized_dimension = 0;
  bool per_channel() const { return scale.size() > 1; }
};

struct Tensor {
  std::string name;
  TensorType type = TensorType::kInt8;
  std::vector<int32_t> shape;  // rank 0..4 after validation (scalars have rank 0)
  Quantization quant;
  // Constant data (weights, bias, shape operands): points into Model::bytes, which the Model
  // owns; nullptr for activations. data_size == element count * element size when set.
  const uint8_t* data = nullptr;
  size_t data_size = 0;
  bool is_constant() const { return data != nullptr; }
  int64_t element_count() const;
};

// Builtin options we read, one struct for every op (unused fields keep their defaults).
struct OpOptions {
  Padding padding = Padding::kSame;
  int32_t stride_w = 1, stride_h = 1;
  int32_t dilation_w = 1, dilation_h = 1;
  int32_t depth_multiplier = 1;        // DEPTHWISE_CONV_2D (from the shapes)
  int32_t filter_w = 1, filter_h = 1;  // pools
  Activation activation = Activation::kNone;
  int32_t axis = 0;                   // CONCATENATION, normalised to [0, rank)
  bool keep_dims = false;             // MEAN, FULLY_CONNECTED (keep_num_dims)
  float beta = 1.0f;                  // SOFTMAX
  std::vector<int32_t> new_shape;     // RESHAPE: option or shape operand, -1 resolved
  std::vector<int32_t> squeeze_dims;  // SQUEEZE: sorted, in [0, rank)
  std::vector<int32_t> axes;          // MEAN: the axes operand, sorted, in [0, rank)
  std::vector<int32_t> paddings;      // PAD: [rank][2] (before, after), from the operand
};

struct Operator {
  BuiltinOp op = BuiltinOp::kAdd;
  std::vector<int32_t> inputs;   // tensor indices; -1 = optional input absent (e.g. bias)
  std::vector<int32_t> outputs;  // tensor indices
  OpOptions options;
};

struct Model {
  // Move-only: a copy would leave Tensor::data pointing into the original's bytes.
  Model() = default;
  Model(Model&&) = default;
  Model& operator=(Model&&) = default;
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  std::vector<uint8_t> bytes;  // the whole file; Tensor::data points into it
  std::string description;
  uint32_t version = 3;
  std::vector<Tensor> tensors;      // of subgraph 0
  std::vector<Operator> operators;  // in execution order
  std::vector<int32_t> inputs, outputs;
};

// Parses and validates. `what` names the source in messages (usually the file path).
// Throws ModelError; never crashes on any byte sequence.
Model read_tflite(std::vector<uint8_t> bytes, const std::string& what);

// Reads a file and calls read_tflite. Throws ModelError for unreadable files, directories,
// empty files and files over kMaxModelBytes.
inline constexpr size_t kMaxModelBytes = size_t{64} << 20;
Model read_tflite_file(const std::string& path);

}  // namespace tt::compiler
