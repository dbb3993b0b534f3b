// Per-layer facts about a loaded plan, shared by `info`, `run` and (later) the GUI: op
// name, shapes, MACs, weight and scratch bytes, read from the plan itself so a .ttm and the
// .tflite it came from describe the same way.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kernels/runtime/plan_loader.h"

namespace tt::tools {

struct LayerInfo {
  int32_t index = 0;
  std::string op;                            // TFLite operator name ("CONV_2D")
  int32_t source_index = -1;                 // the TFLite operator whose output the layer writes
  std::vector<std::vector<int32_t>> inputs;  // activation (non-constant) input shapes
  std::vector<int32_t> output;
  int64_t macs = 0;
  int64_t weight_bytes = 0;  // constant operands read (weights, bias, folded multipliers)
  int64_t scratch_bytes = 0;
};

std::vector<int32_t> tensor_shape(const kernels::plan::PlanTensor& t);
std::string shape_string(const std::vector<int32_t>& shape);  // "1x49x10x1"
std::vector<LayerInfo> describe_layers(const kernels::plan::LoadedPlan& plan);

}  // namespace tt::tools
