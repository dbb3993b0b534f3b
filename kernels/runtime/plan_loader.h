// The validating plan loader: turns a blob of bytes (from flash, RAM, a file or the link)
// into a LoadedPlan bound to the caller's arena, after checking everything the executor
// will rely on. It never trusts the blob: the header, the CRC, the version, every section
// bound, every tensor's dtype, shape, size, alignment and placement (inside the arena or
// the constant section), every op's kind, operands and scratch, and finally each op's
// kernel arguments through the kernel's own *_validate(), so a plan that loads cannot make
// a kernel read or write outside the blob or the arena. No heap; the blob and the arena
// must outlive the LoadedPlan, and both must be 4-byte aligned.
#pragma once

#include <cstdint>

#include "kernels/core/status.h"
#include "kernels/runtime/plan_format.h"

namespace tt::kernels::plan {

enum class LoadStatus : int32_t {
  kOk = 0,
  kNullArgument,   // blob or arena is null
  kMisaligned,     // blob or arena not 4-byte aligned
  kTooSmall,       // shorter than the header or than header.total_bytes
  kBadMagic,       // not a plan
  kBadVersion,     // a major version this loader does not read
  kBadCrc,         // corrupt after the first 16 bytes
  kBadSection,     // a table or the constant section lies outside the blob or overlaps
  kBadTensor,      // dtype, rank, dims, size, alignment or placement of a tensor
  kBadModelIo,     // model input/output list
  kBadOp,          // operand counts, operand indices, dtypes or scratch of an op
  kUnknownOpKind,  // an op kind this loader does not know
  kArenaTooSmall,  // the plan needs more arena than the caller gave
  kKernelRejects,  // the op's kernel rejected its arguments (see kernel_status)
};
const char* load_status_name(LoadStatus s);

struct LoadResult {
  LoadStatus status = LoadStatus::kOk;
  int32_t index = -1;  // the offending tensor or op, -1 when not about one
  Status kernel_status = Status::kOk;
  bool ok() const { return status == LoadStatus::kOk; }
};

struct LoadedPlan {
  const PlanHeader* header = nullptr;
  const PlanTensor* tensors = nullptr;
  const PlanOp* ops = nullptr;
  const int32_t* io = nullptr;
  const int32_t* model_io = nullptr;
  const uint8_t* consts = nullptr;
  uint8_t* arena = nullptr;

  int32_t tensor_count() const { return static_cast<int32_t>(header->tensor_count); }
  int32_t op_count() const { return static_cast<int32_t>(header->op_count); }
  int32_t input_count() const { return static_cast<int32_t>(header->input_count); }
  int32_t output_count() const { return static_cast<int32_t>(header->output_count); }
  int32_t input_tensor(int32_t i) const { return model_io[i]; }
  int32_t output_tensor(int32_t i) const { return model_io[header->input_count + i]; }
  const int32_t* operands(const PlanOp& op) const { return io + op.io_index; }
  int32_t op_output(const PlanOp& op) const { return io[op.io_index + op.input_count]; }
  // Data of a tensor: in the arena (writable) or the constant section (read-only).
  const void* data(int32_t tensor) const;
  void* mutable_data(int32_t tensor) const;  // nullptr for constant tensors
};

LoadResult load_plan(const void* blob, uint32_t blob_bytes, void* arena, uint32_t arena_bytes,
                     LoadedPlan* out);

// Element count of a validated tensor.
int32_t element_count(const PlanTensor& t);

}  // namespace tt::kernels::plan
