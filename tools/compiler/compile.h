// The compiler's front door: a validated TFLite model in, a plan (.ttm bytes) out, plus
// what the tools report about it: the memory plan (arena, lower bound, every strategy
// tried, each buffer's placement and lifetime for the tensor-lifetime map).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tools/compiler/memory_planner.h"
#include "tools/compiler/tflite_model.h"

namespace tt::compiler {

struct BufferInfo {
  std::string name;  // the tensor (or "scratch of op N")
  bool scratch = false;
  int64_t offset = 0, size = 0;
  int32_t first = 0, last = 0;
};

struct MemoryReport {
  int64_t arena_bytes = 0;       // activations + scratch, as planned
  int64_t peak_live_bound = 0;   // lower bound with scratch
  int64_t activation_bound = 0;  // lower bound of activations alone
  int64_t scratch_peak = 0;      // the largest single op scratch
  std::vector<Placement> strategies;
  std::vector<BufferInfo> buffers;
  int32_t in_place_ops = 0;  // ops whose output took over a dying input's memory
  int32_t aliases = 0;       // reshapes elided
};

struct Compiled {
  std::vector<uint8_t> plan;
  MemoryReport memory;
};

// Throws ModelError when the model cannot be lowered or a kernel rejects an op's parameters.
Compiled compile(const Model& model, const std::string& what);

}  // namespace tt::compiler
