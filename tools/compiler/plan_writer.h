// Serialises a lowered model into the plan format (kernels/runtime/plan_format.h), and
// renders a plan as a C array for linking into firmware.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tools/compiler/lowered_model.h"

namespace tt::compiler {

// The plan's tables with tensor indices remapped to the tensors ops actually reference
// (constants the kernels never read, like a RESHAPE's shape operand, are dropped).
struct PlanTables {
  std::vector<plan::PlanTensor> tensors;
  std::vector<plan::PlanOp> ops;
  std::vector<int32_t> io;
  std::vector<int32_t> model_io;
  std::vector<uint8_t> consts;
  std::vector<int32_t> plan_index;  // lowered tensor -> plan tensor (-1: dropped)
};

struct Placements {
  int64_t arena_bytes = 0;
  std::vector<int64_t> tensor_offset;  // per lowered tensor (arena tensors only)
  std::vector<int64_t> scratch_offset;
  std::vector<int32_t> scratch_bytes;  // per op
};

// Tables with every arena offset 0 and no scratch: enough to size the scratch.
PlanTables build_tables(const LoweredModel& m);

// The complete plan, CRC included.
std::vector<uint8_t> write_plan(const LoweredModel& m, const Placements& placements);

// `const unsigned char NAME[] __attribute__((aligned(16))) = {...}; const unsigned NAME_size`
std::string plan_as_c_source(const std::vector<uint8_t>& plan, const std::string& symbol);

}  // namespace tt::compiler
