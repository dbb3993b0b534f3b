// Runs a loaded plan: every op in order, through the reference or the DSP kernels, with an
// optional profiler (per-op ticks from a clock the caller provides: the HAL clock on a
// board, a steady clock on the host), an optional per-op hook (e.g. a marker an emulator
// plugin counts instructions between) and an optional per-op CRC32 of each op's output, so
// two machines can prove they computed the same thing layer by layer. No heap.
#pragma once

#include <cstdint>

#include "kernels/core/status.h"
#include "kernels/runtime/plan_loader.h"

namespace tt::kernels::plan {

enum class KernelSet { kDsp, kRef };

struct RunOptions {
  KernelSet kernels = KernelSet::kDsp;
  // Profiler: when `now` and `op_ticks` are set, op_ticks[i] = ticks spent in op i.
  uint64_t (*now)(void* ctx) = nullptr;
  void* clock_ctx = nullptr;
  uint64_t* op_ticks = nullptr;  // [op_count]
  // Called before (begin = true) and after each op.
  void (*on_op)(void* ctx, int32_t op, bool begin) = nullptr;
  void* hook_ctx = nullptr;
  // When set, op_crc32[i] = CRC32 of op i's output tensor bytes right after op i ran (later
  // ops may reuse that memory, so this is the only point where it can be taken).
  uint32_t* op_crc32 = nullptr;  // [op_count]
};

struct RunResult {
  Status status = Status::kOk;
  int32_t failed_op = -1;
  bool ok() const { return status == Status::kOk; }
};

RunResult run_plan(const LoadedPlan& plan, const RunOptions& options);

}  // namespace tt::kernels::plan
