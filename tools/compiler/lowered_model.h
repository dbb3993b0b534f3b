// The model after lowering, before memory placement: the op list the executor will run
// (TFLite operators mapped to kernel kinds, quantization folded into integer multipliers,
// activations fused, reshapes turned into aliases) and every tensor it touches.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "kernels/runtime/plan_format.h"
#include "tools/compiler/tflite_model.h"

namespace tt::compiler {

namespace plan = tt::kernels::plan;

struct LoweredTensor {
  std::string name;
  plan::DType dtype = plan::DType::kInt8;
  std::vector<int32_t> shape;  // rank 0..4
  float scale = 1.0f;
  int32_t zero_point = 0;
  std::vector<uint8_t> data;  // constant contents; empty for activations
  bool is_const = false;
  // Shares the memory of this tensor (a reshape's output is its input under another shape).
  int32_t alias_of = -1;
  int64_t bytes() const;
};

struct LoweredOp {
  plan::OpKind kind = plan::OpKind::kCopy;
  std::vector<int32_t> inputs;  // -1 = absent operand
  int32_t output = -1;
  std::array<int32_t, plan::kOpParams> params{};
  int32_t source_index = -1;    // the TFLite operator whose output this op writes
  int32_t source_builtin = -1;  // its BuiltinOperator code
  std::vector<int32_t> fused;   // TFLite operators folded into this op (e.g. a RELU)
  int64_t macs = 0;
  int64_t weight_bytes = 0;  // the model's constant bytes this op reads (filter + bias)
  // The output may take the memory of inputs[in_place_input] when that input dies here.
  int32_t in_place_input = -1;
};

struct LoweredModel {
  std::vector<LoweredTensor> tensors;
  std::vector<LoweredOp> ops;
  std::vector<int32_t> inputs, outputs;
};

// The tensor whose memory `t` uses (itself unless it is an alias, e.g. a reshape output).
inline int32_t alias_root(const LoweredModel& m, int32_t t) {
  while (m.tensors[t].alias_of >= 0) t = m.tensors[t].alias_of;
  return t;
}

// Maps the imported model onto kernel ops. Throws ModelError (naming the operator) for
// combinations the kernels cannot run, e.g. a SOFTMAX whose output is not scale 1/256.
LoweredModel lower(const Model& model, const std::string& what);

}  // namespace tt::compiler
