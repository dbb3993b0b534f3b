// The tensor-lifetime map of a plan: for every block of arena memory, which ops it is live
// across and where it sits. Computed from the plan itself (not from the compiler's report),
// so a .ttm loaded without its .tflite draws the same map.
//
// A tensor is live from the first op that reads or writes it to the last one; a model input
// is live from before op 0 and an output until the end. Reshape aliases (tensors sharing
// offset and size with touching lifetimes) merge into one block, so the map shows memory,
// not bookkeeping. Each op's scratch is a block live during that op only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kernels/runtime/plan_loader.h"

namespace tt::gui {

struct ArenaBlock {
  enum class Kind { kInput, kOutput, kActivation, kScratch };
  Kind kind = Kind::kActivation;
  int32_t tensor = -1;  // the first tensor of the block; -1 for scratch
  int32_t first_op = 0;
  int32_t last_op = 0;
  uint32_t offset = 0;
  uint32_t bytes = 0;
  std::string what;  // "tensor 3 1x14x14x16" or "scratch of op 2"
};

std::vector<ArenaBlock> arena_blocks(const kernels::plan::LoadedPlan& plan);

}  // namespace tt::gui
