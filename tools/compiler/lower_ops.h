// Per-operator lowering rules (lower_ops.cc), used by the lowering pass (lower.cc).
#pragma once

#include <string>

#include "tools/compiler/lower_quant.h"
#include "tools/compiler/lowered_model.h"

namespace tt::compiler {

struct OpLowering {
  const Model& model;
  LoweredModel& out;
  const std::string& what;
  int32_t index = 0;  // the TFLite operator being lowered

  // "model.tflite: operator 3 (CONV_2D): " + message
  [[noreturn]] void fail(const std::string& message) const;
  // Appends a constant int32 tensor (folded multipliers or shifts) and returns its index.
  int32_t add_int32_constant(const std::string& name, const std::vector<int32_t>& values);
};

// One TFLite operator (anything but RESHAPE/SQUEEZE, which become aliases) as a kernel op.
LoweredOp lower_operator(OpLowering& ctx, const Operator& op);

}  // namespace tt::compiler
